/**
 * The distinct rooms each person's sockets hold, capped: several tabs on the same room count
 * once, a new room past the cap is refused. Keys are `workshop/person`; entries go at zero.
 */
export class PersonRooms {
  private readonly held = new Map<string, Map<string, number>>();

  constructor(readonly max: number) {}

  rooms(person: string): number {
    return this.held.get(person)?.size ?? 0;
  }

  /** Counts one more socket of `person` in `room`, or returns false when it would be a room past the cap. */
  tryAcquire(person: string, room: string): boolean {
    let rooms = this.held.get(person);
    const n = rooms?.get(room) ?? 0;
    if (n === 0 && (rooms?.size ?? 0) >= this.max) return false;
    if (!rooms) this.held.set(person, (rooms = new Map()));
    rooms.set(room, n + 1);
    return true;
  }

  release(person: string, room: string): void {
    const rooms = this.held.get(person);
    const n = rooms?.get(room) ?? 0;
    if (!rooms || n === 0) return;
    if (n > 1) rooms.set(room, n - 1);
    else {
      rooms.delete(room);
      if (rooms.size === 0) this.held.delete(person);
    }
  }
}
