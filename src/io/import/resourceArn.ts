/**
 * Which resource a resource-based policy belongs to, when the export does not say: the file name
 * (a URL-encoded ARN, a queue URL, or `<bucket>.policy.json`), or the one resource the policy's
 * statements name. See README.md "Resource policies".
 */
import { isObject } from '../../model/checkShape';
import { parseArn } from '../../model/ids';
import { baseName, directories } from './conventions';
import { get } from './fields';

const QUEUE_URL = /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|([a-z0-9-]+)\.queue\.amazonaws\.com|queue\.amazonaws\.com)\/(\d{12})\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** The ARN of the queue an SQS URL names (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`). */
export function queueArnFromUrl(url: string): string | undefined {
  const match = QUEUE_URL.exec(url);
  if (match === null) return undefined;
  const region = match[1] ?? match[2] ?? 'us-east-1';
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.includes('-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:sqs:${region}:${match[3] ?? ''}:${match[4] ?? ''}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The resource ARN the file name gives: its base name without `.json` and `.policy`, URL-decoded, when
 * it is an ARN or a queue URL; or `<bucket>.policy.json` for an S3 bucket.
 */
export function arnFromFileName(name: string): string | undefined {
  const base = baseName(name);
  const stem = base.replace(/\.json$/i, '').replace(/\.policy$/i, '');
  const text = decoded(stem);
  if (text.startsWith('arn:')) return text;
  const queue = queueArnFromUrl(text);
  if (queue !== undefined) return queue;
  if (/\.policy\.json$/i.test(base) && BUCKET_NAME.test(text)) return `arn:aws:s3:::${text}`;
  return undefined;
}

/** An AWS region named by one of the file's directories (collectors such as CloudMapper write them). */
export function regionFromPath(name: string): string | undefined {
  const found = directories(name).filter((d) => REGION.test(d));
  return found.length === 1 ? found[0] : undefined;
}

/** The resource a `Resource` value stands for: a bucket for its objects, `X` for `X/*`. */
function holderOf(resource: string): string | undefined {
  const arn = parseArn(resource);
  if (arn === undefined) return undefined;
  if (arn.service === 's3' && arn.region === '' && arn.account === '') {
    const bucket = arn.resource.split('/')[0] ?? '';
    return bucket === '' || /[*?]/.test(bucket) ? undefined : `arn:${arn.partition}:s3:::${bucket}`;
  }
  const stripped = resource.replace(/\/\*$/, '');
  return /[*?]/.test(stripped) ? undefined : stripped;
}

/** The one resource every statement's `Resource` names, if there is exactly one. */
export function arnFromStatements(document: Record<string, unknown>): string | undefined {
  const raw = get(document, 'Statement');
  const statements = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const holders = new Set<string>();
  for (const statement of statements) {
    if (!isObject(statement)) continue;
    const resource = get(statement, 'Resource');
    const values = Array.isArray(resource) ? (resource as unknown[]) : [resource];
    for (const value of values) {
      if (typeof value !== 'string' || value === '*') continue;
      const holder = holderOf(value);
      if (holder !== undefined) holders.add(holder);
    }
  }
  return holders.size === 1 ? [...holders][0] : undefined;
}
