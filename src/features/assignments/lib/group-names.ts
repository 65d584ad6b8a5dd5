/** How a group id that no longer resolves (deleted group, or no permission to read it) is shown. */
export function unknownGroupName(groupId: string): string {
  return `Unknown group (${groupId})`;
}

/** A name lookup over resolved groups, falling back to {@link unknownGroupName}. */
export function groupNameLookup(...sources: (ReadonlyMap<string, { displayName: string | null }> | undefined)[]): (groupId: string) => string {
  return (groupId) => {
    for (const source of sources) {
      const name = source?.get(groupId)?.displayName;
      if (name) return name;
    }
    return unknownGroupName(groupId);
  };
}
