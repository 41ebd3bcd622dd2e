/** Small helpers the pure mappings share. */

/** An optional field, present only when AWS gave a value (exactOptionalPropertyTypes: never `key: undefined`). */
export const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]: V });

/** The Name tag of an EC2 resource. */
export const tagName = (tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;

export const tagValue = (tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;
