/** What `POST /api/workshops` (and the import) answers: the new workshop and its facilitator's token. */
export interface CreatedWorkshop {
  id: string;
  facilitatorId: string;
  facilitatorToken: string;
  joinUrl: string;
}
