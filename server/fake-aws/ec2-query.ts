import { AWS_BATCH, AWS_PAGE, type PageBounds } from './awsLimits';
import { AwsError, decodeToken, ec2Filters, listParam, paginate } from './protocol';
import { withAvailableIps } from './subnetIps';
import { str, type JsonObject, type JsonValue, type World } from './world';

/** EC2 query protocol: form-encoded Action=…&Version=2016-11-15, XML answers with <item> lists and no Result wrapper. */
export const EC2_VERSION = '2016-11-15';

interface Collection {
  /** the XML element that holds the result list */
  set: string;
  /** the id parameter (SubnetId.N …) and the item's id field */
  idParam: string;
  idField: string;
  notFound: string;
  /** MaxResults bounds */
  page: PageBounds;
  items: (world: World) => JsonObject[];
  /** filter name → the item's values for it */
  filters: Record<string, (item: JsonObject) => string[]>;
  /** MaxResults cannot be combined with ids for these (DescribeInstances, DescribeNetworkInterfaces) */
  noPagingWithIds?: boolean;
  wrap?: (items: JsonObject[], world: World) => JsonValue[];
}

const tagsOf = (item: JsonObject): JsonObject[] => {
  const tags = item['tagSet'];
  return Array.isArray(tags) ? tags.filter((t): t is JsonObject => typeof t === 'object' && t !== null && !Array.isArray(t)) : [];
};
const tagValues = (item: JsonObject, key: string): string[] => tagsOf(item).flatMap((t) => (t['key'] === key ? [str(t, 'value')] : []));

/** EC2 takes `tag:<key>` (values of that tag) and `tag-key` (tag keys) on every describe. */
function tagFilter(name: string): ((item: JsonObject) => string[]) | undefined {
  if (name === 'tag-key') return (i) => tagsOf(i).map((t) => str(t, 'key'));
  if (name.startsWith('tag:')) return (i) => tagValues(i, name.slice(4));
  return undefined;
}

const COLLECTIONS: Record<string, Collection> = {
  DescribeVpcs: {
    set: 'vpcSet',
    idParam: 'VpcId',
    idField: 'vpcId',
    notFound: 'InvalidVpcID.NotFound',
    page: AWS_PAGE.ec2Describe,
    items: (w) => w.ec2.vpcs,
    filters: { 'vpc-id': (i) => [str(i, 'vpcId')] },
  },
  DescribeSubnets: {
    set: 'subnetSet',
    idParam: 'SubnetId',
    idField: 'subnetId',
    notFound: 'InvalidSubnetID.NotFound',
    page: AWS_PAGE.ec2Describe,
    items: (w) => w.ec2.subnets,
    filters: { 'vpc-id': (i) => [str(i, 'vpcId')], 'subnet-id': (i) => [str(i, 'subnetId')], 'availability-zone': (i) => [str(i, 'availabilityZone')] },
    wrap: withAvailableIps,
  },
  DescribeRouteTables: {
    set: 'routeTableSet',
    idParam: 'RouteTableId',
    idField: 'routeTableId',
    notFound: 'InvalidRouteTableID.NotFound',
    page: AWS_PAGE.ec2DescribeRouteTables,
    items: (w) => w.ec2.routeTables,
    filters: {
      'vpc-id': (i) => [str(i, 'vpcId')],
      'association.subnet-id': (i) =>
        Array.isArray(i['associationSet']) ? (i['associationSet'] as JsonObject[]).map((a) => str(a, 'subnetId')).filter(Boolean) : [],
      'association.main': (i) =>
        Array.isArray(i['associationSet']) && (i['associationSet'] as JsonObject[]).some((a) => a['main'] === true) ? ['true'] : ['false'],
    },
  },
  DescribeInstances: {
    set: 'reservationSet',
    idParam: 'InstanceId',
    idField: 'instanceId',
    notFound: 'InvalidInstanceID.NotFound',
    page: AWS_PAGE.ec2Describe,
    noPagingWithIds: true,
    items: (w) => w.ec2.instances,
    filters: {
      'vpc-id': (i) => [str(i, 'vpcId')],
      'subnet-id': (i) => [str(i, 'subnetId')],
      'instance-id': (i) => [str(i, 'instanceId')],
    },
    // One reservation per instance: the SDK flattens reservations anyway.
    wrap: (items, w) =>
      items.map((instance) => ({ reservationId: `r-${str(instance, 'instanceId').slice(2)}`, ownerId: w.accountId, groupSet: [], instancesSet: [instance] })),
  },
};

export const EC2_OPERATIONS = Object.keys(COLLECTIONS);

/** What goes inside <OpResponse> for one EC2 describe call, as JSON the server writes as XML (objectXml, <item> lists). */
export function ec2Operation(world: World, operation: string, params: URLSearchParams, pageCap: number): JsonObject {
  const c = COLLECTIONS[operation];
  if (!c) throw new AwsError('InvalidAction', `The action ${operation} is not valid for this web service.`);
  const ids = listParam(params, c.idParam);
  const maxResults = params.get('MaxResults');
  if (ids.length > AWS_BATCH.ec2Ids) throw new AwsError('InvalidParameterValue', `You may not specify more than ${AWS_BATCH.ec2Ids} ${c.idParam} values.`);
  if (maxResults !== null) {
    if (c.noPagingWithIds && ids.length)
      throw new AwsError('InvalidParameterCombination', `The parameter ${c.idParam}s cannot be used with the parameter maxResults`);
    const n = Number(maxResults);
    if (!Number.isInteger(n) || n < c.page.min || n > c.page.max)
      throw new AwsError(
        'InvalidParameterValue',
        `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${c.page.min} and ${c.page.max}.`,
      );
  }
  let items = c.items(world);
  if (ids.length) {
    const missing = ids.filter((id) => !items.some((i) => str(i, c.idField) === id));
    if (missing.length) throw new AwsError(c.notFound, `The ${c.idField.replace(/Id$/, ' ID')} '${missing.join("', '")}' does not exist`);
    items = ids.map((id) => items.find((i) => str(i, c.idField) === id)).filter((i): i is JsonObject => i !== undefined);
  }
  for (const [name, values] of ec2Filters(params)) {
    const get = c.filters[name] ?? tagFilter(name);
    if (!get) throw new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`);
    items = items.filter((i) => get(i).some((v) => values.includes(v)));
  }
  const scope = `${operation}:${params.get('Filter.1.Value.1') ?? ''}`;
  const offset = decodeToken(params.get('NextToken') ?? undefined, scope, () => new AwsError('InvalidPaginationToken', 'The pagination token is invalid.'));
  // Without MaxResults EC2 answers everything in one response (the unpaginated form).
  const size = maxResults === null ? Math.max(items.length, 1) : Math.min(Number(maxResults), pageCap);
  const { page, next } = paginate(items, offset, size, scope);
  const list = c.wrap ? c.wrap(page, world) : page;
  return { [c.set]: list, ...(next ? { nextToken: next } : {}) };
}
