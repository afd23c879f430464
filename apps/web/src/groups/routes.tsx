import { GroupBoardPage } from './GroupBoardPage.tsx';

/** `/w/:id/group/:groupId`, loaded with its own chunk like the other feature routes. */
export const GROUP_ROUTE = '/w/:id/group/:groupId';

export function groupRoute(params: { id?: string; groupId?: string }) {
  return <GroupBoardPage key={`${params.id}/${params.groupId}`} workshopId={params.id!} groupId={params.groupId!} />;
}
