/**
 * The services whose actions RCPs govern [ORG-RCP "List of AWS services that support RCPs"], as read
 * for SEMANTICS §5.3. The list grows; `compileScenario` accepts the catalog's current list instead.
 */
export const RCP_SUPPORTED_SERVICES: readonly string[] = [
  's3', 'sts', 'kms', 'sqs', 'secretsmanager', 'ecr', 'ecr-public', 'dynamodb', 'dax', 'logs', 'cognito-idp', 'cognito-identity', 'aoss', 'opensearch', 'events',
  'codebuild', 'codeartifact', 'codecommit', 'codepipeline', 'kendra', 'kinesisvideo', 'memorydb', 'firehose', 'rolesanywhere', 'wafv2', 'xray', 'appconfig',
  'autoscaling', 'cloudfront', 'transfer', 'support', 'signin', 'fis', 'health', 'notifications', 'resource-groups', 'servicediscovery', 'swf', 'textract',
  'translate', 'transcribe', 'polly', 'personalize', 'comprehend', 'comprehendmedical', 'gamelift', 'inspector-scan', 'workspaces', 'appstream', 'dsql',
  'clouddirectory', 'cloudsearch', 'networkmonitor', 'timestream-influxdb', 'budgets', 'compute-optimizer', 'cost-optimization-hub', 'fms', 'pricing',
  'pca-connector-ad', 'autoscaling-plans', 'cloudtrail-data',
];
