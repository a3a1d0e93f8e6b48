/**
 * Small helpers that keep lesson data close to the IAM JSON a learner reads in the editor.
 */
import type { JsonObject } from '../../io/share/jsonValue';

/** A policy document (`Version` 2012-10-17) with the given statements. */
export function doc(...statements: JsonObject[]): JsonObject {
  return { Version: '2012-10-17', Statement: statements };
}

/** An inline policy attachment. */
export function inline(name: string, ...statements: JsonObject[]): JsonObject {
  return { name, document: doc(...statements) };
}

/**
 * A trust policy letting one AWS service assume the role on behalf of one account only (`aws:SourceAccount`
 * guards against the cross-service confused deputy; https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 */
export function serviceTrust(service: string, sourceAccount: string): JsonObject {
  return doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } } });
}
