import { graphPath } from '../../graph/odata.ts';

/** Every Graph path of the directory group resource, built in one place. Ids are percent-encoded by `graphPath`. */
export const groupPaths = {
  collection: '/groups',
  members: (groupId: string) => graphPath`/groups/${groupId}/members`,
  /** Device objects among the group's members, nested groups included (cast segment; `$count` needs ConsistencyLevel: eventual). */
  deviceMembers: (groupId: string) => graphPath`/groups/${groupId}/transitiveMembers` + '/microsoft.graph.device',
  /** `POST`: directory objects by id (`types: ['group']` keeps it to groups). */
  getByIds: '/directoryObjects/getByIds',
};
