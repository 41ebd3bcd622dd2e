/**
 * The last path segment of an id: a resource's name for ECS ARNs (service/<cluster>/<name>, cluster/<name>), a
 * task's id, a Kubernetes object's name (`<cluster ARN>/<kind>/<namespace>/<name>`); an EC2 id has no slash and
 * stays whole. Labels fall back to it when the resource itself was not read.
 */
export const shortId = (id: string): string => id.slice(id.lastIndexOf('/') + 1);
