/** Distinct names kept at most; beyond, names are not shared (device ids would only fill the map). */
const MAX_NAMES = 65_536;

/**
 * One string per distinct topic level name. A level name sliced out of a topic is a string of its
 * own per node; most names repeat across devices ("temp", "status", "line2"), so a million nodes
 * held a million copies of a few hundred names (issue 17). Names that never repeat (device ids)
 * cost a map entry each up to MAX_NAMES, then are kept as they come.
 */
export class LevelNames {
  private readonly names = new Map<string, string>();

  intern(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    if (this.names.size < MAX_NAMES) this.names.set(name, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}
