/**
 * The KMS operations a principal in another account can call on a key [KMS-XACCT]: the cryptographic
 * operations, `CreateGrant`, `DescribeKey`, `GetKeyRotationStatus`, `GetPublicKey`, `ListGrants`,
 * `RetireGrant` and `RevokeGrant` (SEMANTICS §2.4). Lower-case action names.
 */
export const KMS_CROSS_ACCOUNT_ACTIONS: ReadonlySet<string> = new Set([
  'decrypt',
  'encrypt',
  'generatedatakey',
  'generatedatakeypair',
  'generatedatakeypairwithoutplaintext',
  'generatedatakeywithoutplaintext',
  'generatemac',
  'reencryptfrom',
  'reencryptto',
  'sign',
  'verify',
  'verifymac',
  'derivesharedsecret',
  'creategrant',
  'describekey',
  'getkeyrotationstatus',
  'getpublickey',
  'listgrants',
  'retiregrant',
  'revokegrant',
]);
