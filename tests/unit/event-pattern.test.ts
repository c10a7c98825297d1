import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventPattern, matchesPattern, validatePattern } from '../../infra/local/event-pattern.js';

type Event = Record<string, unknown>;

interface Case {
  name: string;
  pattern: EventPattern;
  event: Event;
  expected: boolean;
}

/* --- Example events from the EventBridge user guide ------------------------------------------ */

/** "Event patterns": the EC2 instance-termination event. */
const ec2Terminated: Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** "Matching null values and empty strings": the Auto Scaling event. */
const autoScaling: Event = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

/** "Value matching": the (truncated) Macie alert. */
const macieAlert: Event = {
  'detail-type': 'Macie Alert',
  source: 'aws.macie',
  detail: {
    'notification-type': 'ALERT_CREATED',
    tags: ['Custom_Alert', 'Insider'],
    'risk-score': 80,
    trigger: { 'alert-type': 'basic', risk: 8 },
  },
};

/** "Content filtering": the event the numeric, IP and complex examples are written against. */
const ec2Running: Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

function withDetail(detail: Record<string, unknown>): Event {
  return { ...ec2Running, detail: { ...(ec2Running.detail as Record<string, unknown>), ...detail } };
}

const terminationPattern: EventPattern = {
  source: ['aws.ec2'],
  'detail-type': ['EC2 Instance State-change Notification'],
  detail: { state: ['terminated'] },
};

const numericPattern: EventPattern = {
  detail: {
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ numeric: ['=', 3.018e2] }],
  },
};

const complexPattern: EventPattern = {
  time: [{ prefix: '2017-10-02' }],
  detail: {
    state: [{ 'anything-but': 'initializing' }],
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ 'anything-but': [100, 200, 300] }],
  },
};

const cloudWatchOr: EventPattern = {
  source: ['aws.cloudwatch'],
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
};

const nestedOr: EventPattern = {
  source: ['aws.cloudwatch'],
  $or: [
    { metricName: ['CPUUtilization', 'ReadLatency'] },
    {
      metricType: ['MetricType'],
      namespace: ['AWS/EC2', 'AWS/ES'],
      $or: [{ metricId: [1234] }, { spaceId: [1000] }],
    },
    { scope: ['Service'] },
  ],
};

const docCases: Case[] = [
  // "Event patterns"
  {
    name: 'Event patterns: instance-termination pattern matches the terminated EC2 event',
    pattern: terminationPattern,
    event: ec2Terminated,
    expected: true,
  },
  {
    name: 'Event patterns: instance-termination pattern rejects a running instance',
    pattern: terminationPattern,
    event: { ...ec2Terminated, detail: { state: 'running' } },
    expected: false,
  },
  {
    name: 'Event patterns: every pattern field must be present in the event',
    pattern: terminationPattern,
    event: { source: 'aws.ec2', detail: { state: 'terminated' } },
    expected: false,
  },
  {
    name: 'Match values: ["aws.ec2", "aws.fargate"] matches source aws.fargate',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    event: { source: 'aws.fargate' },
    expected: true,
  },
  {
    name: 'Match values: ["aws.ec2", "aws.fargate"] rejects source aws.lambda',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    event: { source: 'aws.lambda' },
    expected: false,
  },
  {
    name: 'Match values: strings are compared without case folding',
    pattern: { source: ['aws.ec2'] },
    event: { source: 'AWS.EC2' },
    expected: false,
  },
  {
    name: 'Value matching: Macie risk-score 80 and trigger.risk 8',
    pattern: {
      source: ['aws.macie'],
      'detail-type': ['Macie Alert'],
      detail: { 'risk-score': [80], trigger: { risk: [8] } },
    },
    event: macieAlert,
    expected: true,
  },
  {
    name: 'Value matching: Macie pattern rejects trigger.risk 7',
    pattern: { source: ['aws.macie'], detail: { 'risk-score': [80], trigger: { risk: [7] } } },
    event: macieAlert,
    expected: false,
  },
  {
    name: 'Field matching: responseElements [null] matches a null field',
    pattern: {
      source: ['aws.autoscaling'],
      'detail-type': ['EC2 Instance Launch Successful'],
      detail: { responseElements: [null] },
    },
    event: autoScaling,
    expected: true,
  },
  // "Matching null values and empty strings"
  {
    name: 'Null values and empty strings: eventVersion [""] matches the empty string',
    pattern: { detail: { eventVersion: [''] } },
    event: autoScaling,
    expected: true,
  },
  {
    name: 'Null values and empty strings: [null] does not match an empty string',
    pattern: { detail: { eventVersion: [null] } },
    event: autoScaling,
    expected: false,
  },
  {
    name: 'Null values and empty strings: [""] does not match null',
    pattern: { detail: { responseElements: [''] } },
    event: autoScaling,
    expected: false,
  },
  {
    name: 'Null values and empty strings: [null] does not match a missing field',
    pattern: { detail: { missing: [null] } },
    event: autoScaling,
    expected: false,
  },
  // "Arrays in event patterns"
  {
    name: 'Arrays: resources pattern matches when it intersects the event array',
    pattern: {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    },
    event: {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    },
    expected: true,
  },
  {
    name: 'Arrays: resources pattern rejects an event array with no common element',
    pattern: { resources: ['arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f'] },
    event: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] },
    expected: false,
  },
  {
    name: 'Arrays: an empty event array matches no value',
    pattern: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] },
    event: autoScaling,
    expected: false,
  },
  // "Content filtering": prefix
  {
    name: 'Prefix matching: time prefix "2017-10-02" matches 2017-10-02T18:43:48Z',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    event: { time: '2017-10-02T18:43:48Z' },
    expected: true,
  },
  {
    name: 'Prefix matching: time prefix "2017-10-02" rejects 2017-10-03T00:00:00Z',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    event: { time: '2017-10-03T00:00:00Z' },
    expected: false,
  },
  {
    name: 'Prefix matching: only string values match',
    pattern: { code: [{ prefix: '12' }] },
    event: { code: 123 },
    expected: false,
  },
  {
    name: 'Prefix matching while ignoring case: "EventB" matches EVENTBRIDGE',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: { detail: { service: 'EVENTBRIDGE' } },
    expected: true,
  },
  {
    name: 'Prefix matching while ignoring case: "EventB" rejects Lambda',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: { detail: { service: 'Lambda' } },
    expected: false,
  },
  // suffix
  {
    name: 'Suffix matching: FileName suffix ".png" matches image.png',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.png' },
    expected: true,
  },
  {
    name: 'Suffix matching: ".png" is case-sensitive and rejects image.PNG',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.PNG' },
    expected: false,
  },
  {
    name: 'Suffix matching: ".png" rejects image.png.txt',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.png.txt' },
    expected: false,
  },
  {
    name: 'Suffix matching while ignoring case: ".png" matches image.PNG',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    event: { detail: { FileName: 'image.PNG' } },
    expected: true,
  },
  // anything-but
  {
    name: 'Anything-but: state "initializing" matches running',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Anything-but: state "initializing" rejects initializing',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: withDetail({ state: 'initializing' }),
    expected: false,
  },
  {
    name: 'Anything-but: does not match a missing field',
    pattern: { detail: { missing: [{ 'anything-but': 'initializing' }] } },
    event: ec2Running,
    expected: false,
  },
  {
    name: 'Anything-but: x-limit 123 matches 301.8',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Anything-but: x-limit 123 rejects 123',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: withDetail({ 'x-limit': 123 }),
    expected: false,
  },
  {
    name: 'Anything-but: x-limit 123 matches the string "123" (different JSON type)',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: withDetail({ 'x-limit': '123' }),
    expected: true,
  },
  {
    name: 'Anything-but list of strings: ["stopped", "overloaded"] matches running',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Anything-but list of strings: ["stopped", "overloaded"] rejects overloaded',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: withDetail({ state: 'overloaded' }),
    expected: false,
  },
  {
    name: 'Anything-but list of numbers: [100, 200, 300] matches 301.8',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Anything-but list of numbers: [100, 200, 300] rejects 200',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: withDetail({ 'x-limit': 200 }),
    expected: false,
  },
  {
    name: 'Anything-but prefix: "init" matches running',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Anything-but prefix: "init" rejects initializing',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: withDetail({ state: 'initializing' }),
    expected: false,
  },
  {
    name: 'Anything-but suffix: ".txt" matches file.png',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    event: { detail: { FileName: 'file.png' } },
    expected: true,
  },
  {
    name: 'Anything-but suffix: ".txt" rejects file.txt',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    event: { detail: { FileName: 'file.txt' } },
    expected: false,
  },
  {
    name: 'Anything-but ignore case: ["Stopped", "OverLoaded"] rejects STOPPED',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } },
    event: withDetail({ state: 'STOPPED' }),
    expected: false,
  },
  {
    name: 'Anything-but ignore case: ["Stopped", "OverLoaded"] matches running',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Anything-but using a wildcard: "*/lib/*" matches /usr/bin/tool',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    event: { detail: { FilePath: '/usr/bin/tool' } },
    expected: true,
  },
  {
    name: 'Anything-but using a wildcard: "*/lib/*" rejects /usr/lib/tool',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    event: { detail: { FilePath: '/usr/lib/tool' } },
    expected: false,
  },
  {
    name: 'Anything-but using a wildcard list: ["*/lib/*", "*/bin/*"] rejects /usr/bin/tool',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] } },
    event: { detail: { FilePath: '/usr/bin/tool' } },
    expected: false,
  },
  // numeric
  {
    name: 'Numeric matching: c-count (0, 5], d-count < 10, x-limit = 3.018e2 match the sample event',
    pattern: numericPattern,
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Numeric matching: c-count 0 is outside (0, 5]',
    pattern: numericPattern,
    event: withDetail({ 'c-count': 0 }),
    expected: false,
  },
  {
    name: 'Numeric matching: c-count 6 is outside (0, 5]',
    pattern: numericPattern,
    event: withDetail({ 'c-count': 6 }),
    expected: false,
  },
  {
    name: 'Numeric matching: d-count 10 is not < 10',
    pattern: numericPattern,
    event: withDetail({ 'd-count': 10 }),
    expected: false,
  },
  {
    name: 'Numeric matching: only JSON numbers match, not numeric strings',
    pattern: numericPattern,
    event: withDetail({ 'c-count': '5' }),
    expected: false,
  },
  // IP address
  {
    name: 'IP address matching: 10.0.0.0/24 matches 10.0.0.33',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'IP address matching: 10.0.0.0/24 matches 10.0.0.255',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ 'source-ip': '10.0.0.255' }),
    expected: true,
  },
  {
    name: 'IP address matching: 10.0.0.0/24 rejects 10.0.1.0',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ 'source-ip': '10.0.1.0' }),
    expected: false,
  },
  {
    name: 'IP address matching: a non-address string never matches',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ 'source-ip': 'localhost' }),
    expected: false,
  },
  {
    name: 'IP address matching (IPv6): 2001:db8::/32 matches 2001:db8:1::5',
    pattern: { detail: { 'source-ip': [{ cidr: '2001:db8::/32' }] } },
    event: withDetail({ 'source-ip': '2001:db8:1::5' }),
    expected: true,
  },
  {
    name: 'IP address matching (IPv6): 2001:db8::/32 rejects 2001:db9::1 and IPv4 addresses',
    pattern: { detail: { 'source-ip': [{ cidr: '2001:db8::/32' }] } },
    event: withDetail({ 'source-ip': ['2001:db9::1', '10.0.0.1'] }),
    expected: false,
  },
  {
    name: 'IP address matching: host bits in the CIDR are ignored (10.0.0.5/24 matches 10.0.0.1)',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.5/24' }] } },
    event: withDetail({ 'source-ip': '10.0.0.1' }),
    expected: true,
  },
  {
    name: 'IP address matching: an IPv4 address is never inside an IPv6 range (::/96)',
    pattern: { detail: { 'source-ip': [{ cidr: '::/96' }] } },
    event: withDetail({ 'source-ip': '10.0.0.1' }),
    expected: false,
  },
  // exists
  {
    name: 'Exists matching: c-count exists:true matches the sample event',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Exists matching: exists:true also matches a null leaf',
    pattern: { detail: { responseElements: [{ exists: true }] } },
    event: autoScaling,
    expected: true,
  },
  {
    name: 'Exists matching: c-count exists:false matches an event without detail.c-count',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'] },
    },
    expected: true,
  },
  {
    name: 'Exists matching: c-count exists:false also matches because c-count is not a leaf node',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: { detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } },
    expected: true,
  },
  {
    name: 'Exists matching: exists:true does not match an intermediate (object) node',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: { detail: { 'c-count': { c1: 100 } } },
    expected: false,
  },
  {
    name: 'Exists matching: exists:false rejects an event that has the leaf',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: ec2Running,
    expected: false,
  },
  {
    name: 'Exists matching: exists:false matches when the parent object is missing',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: { source: 'aws.ec2' },
    expected: true,
  },
  // equals-ignore-case
  {
    name: 'Equals-ignore-case matching: detail-type in lower case matches the EC2 event',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Equals-ignore-case matching: is not a prefix match',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance' }] },
    event: ec2Running,
    expected: false,
  },
  // wildcard
  {
    name: 'Wildcard matching: "arn:aws:events:us-east-1:*:event-bus/*" matches a us-east-1 bus ARN',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' },
    expected: true,
  },
  {
    name: 'Wildcard matching: "arn:aws:events:us-east-1:*:event-bus/*" rejects a us-west-2 bus ARN',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/default' },
    expected: false,
  },
  {
    name: 'Wildcard matching: "*" matches the empty string',
    pattern: { key: [{ wildcard: '*' }] },
    event: { key: '' },
    expected: true,
  },
  {
    name: 'Wildcard matching: an escaped \\* is a literal star',
    pattern: { key: [{ wildcard: 'file\\*.txt' }] },
    event: { key: 'file1.txt' },
    expected: false,
  },
  {
    name: 'Wildcard matching: an escaped \\* matches a literal star',
    pattern: { key: [{ wildcard: 'file\\*.txt' }] },
    event: { key: 'file*.txt' },
    expected: true,
  },
  {
    name: 'Wildcard matching: \\\\ is a literal backslash',
    pattern: { key: [{ wildcard: 'C:\\\\*' }] },
    event: { key: 'C:\\Windows' },
    expected: true,
  },
  {
    name: 'Wildcard matching: the literal runs may not overlap ("ab*ba" rejects aba)',
    pattern: { key: [{ wildcard: 'ab*ba' }] },
    event: { key: 'aba' },
    expected: false,
  },
  {
    name: 'Wildcard matching: "ab*ba" matches abba',
    pattern: { key: [{ wildcard: 'ab*ba' }] },
    event: { key: 'abba' },
    expected: true,
  },
  {
    name: 'Wildcard matching: a middle run may not overlap the last one ("a*b*b" rejects ab)',
    pattern: { key: [{ wildcard: 'a*b*b' }] },
    event: { key: 'ab' },
    expected: false,
  },
  // complex example
  {
    name: 'Complex example with multiple matching: matches the sample event',
    pattern: complexPattern,
    event: ec2Running,
    expected: true,
  },
  {
    name: 'Complex example with multiple matching: one failing field (state) rejects the event',
    pattern: complexPattern,
    event: withDetail({ state: 'initializing' }),
    expected: false,
  },
  // $or
  {
    name: 'Or matching: source && (metricName || namespace) with metricName',
    pattern: cloudWatchOr,
    event: { source: 'aws.cloudwatch', metricName: 'CPUUtilization' },
    expected: true,
  },
  {
    name: 'Or matching: source && (metricName || namespace) with namespace',
    pattern: cloudWatchOr,
    event: { source: 'aws.cloudwatch', namespace: 'AWS/ES' },
    expected: true,
  },
  {
    name: 'Or matching: source && (metricName || namespace) with neither',
    pattern: cloudWatchOr,
    event: { source: 'aws.cloudwatch', metricName: 'NetworkIn', namespace: 'AWS/RDS' },
    expected: false,
  },
  {
    name: 'Or matching: the sibling source field is still required',
    pattern: cloudWatchOr,
    event: { source: 'aws.ec2', metricName: 'CPUUtilization' },
    expected: false,
  },
  {
    name: 'Or matching inside detail: c-count || d-count || x-limit',
    pattern: {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    },
    event: withDetail({ 'c-count': 50, 'd-count': 50 }),
    expected: true,
  },
  {
    name: 'Or matching nested in an Or branch: metricType && namespace && (metricId || spaceId)',
    pattern: nestedOr,
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 },
    expected: true,
  },
  {
    name: 'Or matching nested in an Or branch: fails when the inner Or fails',
    pattern: nestedOr,
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1 },
    expected: false,
  },
];

/** Behaviour the guide states in prose, or that follows from aws/event-ruler's README examples. */
const semanticsCases: Case[] = [
  {
    name: 'numbers compare numerically: [300] matches 300.0 and 3.0e2',
    pattern: { detail: { version: [300] } },
    event: { detail: { version: 3.0e2 } },
    expected: true,
  },
  {
    name: 'a number pattern does not match the same digits as a string',
    pattern: { detail: { version: [1] } },
    event: { detail: { version: '1' } },
    expected: false,
  },
  {
    name: 'booleans: [true] matches true',
    pattern: { flag: [true] },
    event: { flag: true },
    expected: true,
  },
  {
    name: 'booleans: [true] does not match the string "true"',
    pattern: { flag: [true] },
    event: { flag: 'true' },
    expected: false,
  },
  {
    name: 'a leaf array against an object-valued field is false',
    pattern: { detail: ['x'] },
    event: { detail: { x: 'x' } },
    expected: false,
  },
  {
    name: 'a nested pattern against a scalar field is false',
    pattern: { detail: { state: ['running'] } },
    event: { detail: 'running' },
    expected: false,
  },
  {
    name: 'exists:false under a field holding a scalar matches (the nested leaf is absent)',
    pattern: { detail: { state: [{ exists: false }] } },
    event: { detail: 'running' },
    expected: true,
  },
  {
    name: 'any element of an event array can satisfy an operator',
    pattern: { detail: { tags: [{ prefix: 'Insi' }] } },
    event: macieAlert,
    expected: true,
  },
  {
    name: 'anything-but matches if any event array element is not excluded',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: { detail: { state: ['initializing', 'running'] } },
    expected: true,
  },
  {
    name: 'anything-but rejects an event array made only of excluded values',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: { detail: { state: ['initializing'] } },
    expected: false,
  },
  {
    name: 'arrays of objects: event-ruler README employees/firstName "Anna" matches',
    pattern: { employees: { firstName: ['Anna'] } },
    event: {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    },
    expected: true,
  },
  {
    name: 'arrays of objects: "Anna"/"Jones" from different elements do not combine',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
    event: {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    },
    expected: false,
  },
  {
    name: 'arrays of objects: multi-level arrays are crushed out',
    pattern: { employees: { firstName: ['Peter'], lastName: ['Jones'] } },
    event: {
      employees: [[{ firstName: 'John', lastName: 'Doe' }], [{ firstName: 'Peter', lastName: 'Jones' }]],
    },
    expected: true,
  },
  {
    name: 'exists:true does not match an empty event array (it has no leaf values)',
    pattern: { resources: [{ exists: true }] },
    event: autoScaling,
    expected: false,
  },
  {
    name: 'exists:false combined with a value in one leaf array (OR)',
    pattern: { detail: { state: [{ exists: false }, 'running'] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'inherited properties are not event fields',
    pattern: { source: ['aws.ec2'] },
    event: Object.create({ source: 'aws.ec2' }) as Event,
    expected: false,
  },
  {
    name: 'anything-but with a string modifier matches non-string values (prefix vs a number)',
    pattern: { detail: { 'x-limit': [{ 'anything-but': { prefix: '3' } }] } },
    event: ec2Running,
    expected: true,
  },
  {
    name: 'anything-but with a string modifier matches non-string values (equals-ignore-case vs null)',
    pattern: { detail: { responseElements: [{ 'anything-but': { 'equals-ignore-case': 'null' } }] } },
    event: autoScaling,
    expected: true,
  },
  {
    name: 'operators that only apply to strings ignore other types (equals-ignore-case vs null)',
    pattern: { detail: { responseElements: [{ 'equals-ignore-case': 'null' }] } },
    event: autoScaling,
    expected: false,
  },
];

describe('matchesPattern: examples from the EventBridge user guide', () => {
  it.each(docCases)('$name', ({ pattern, event, expected }) => {
    expect(matchesPattern(pattern, event)).toBe(expected);
  });

  it('every example pattern is a pattern EventBridge accepts', () => {
    for (const { pattern } of [...docCases, ...semanticsCases]) {
      expect(() => validatePattern(pattern)).not.toThrow();
    }
  });
});

describe('matchesPattern: matching semantics', () => {
  it.each(semanticsCases)('$name', ({ pattern, event, expected }) => {
    expect(matchesPattern(pattern, event)).toBe(expected);
  });

  it.each<[string, EventPattern]>([
    ['numeric without terms', { n: [{ numeric: [] }] }],
    ['numeric with a dangling operator', { n: [{ numeric: ['>', 0, '<'] }] }],
    ['an unknown operator', { n: [{ contains: '5' }] }],
    ['anything-but with an unknown modifier', { n: [{ 'anything-but': { contains: '5' } }] }],
    ['a leaf that is not an array', { n: 5 }],
  ])('never matches with a malformed condition: %s', (_name, pattern) => {
    expect(matchesPattern(pattern, { n: 5 })).toBe(false);
  });
});

/* --- validatePattern ------------------------------------------------------------------------ */

const malformed: Array<[string, unknown, RegExp]> = [
  ['a pattern that is not an object', ['aws.ec2'], /Filter is not an object/],
  ['an empty pattern', {}, /Empty objects are not allowed/],
  ['an empty nested object', { detail: {} }, /Empty objects are not allowed/],
  ['a leaf value that is not an array', { source: 'aws.ec2' }, /"source" must be an object or an array/],
  ['a number leaf that is not an array', { detail: { version: 1 } }, /must be an object or an array/],
  ['an empty leaf array', { source: [] }, /Empty arrays are not allowed/],
  ['a nested array in a leaf array', { source: [['aws.ec2']] }, /Match value must be String/],
  ['an operator object without a key', { source: [{}] }, /Match expression name not found/],
  ['an unknown operator', { source: [{ contains: 'ec2' }] }, /Unrecognized match type contains/],
  ['a nested pattern inside a leaf array', { detail: [{ state: ['x'] }] }, /Unrecognized match type state/],
  ['two operators in one object', { source: [{ prefix: 'a', suffix: 'b' }] }, /Only one key allowed/],
  ['prefix that is not a string', { source: [{ prefix: 1 }] }, /prefix match pattern must be a string/],
  ['prefix given a list', { source: [{ prefix: ['a'] }] }, /prefix match pattern must be a string/],
  [
    'prefix with an unknown modifier',
    { source: [{ prefix: { wildcard: 'a' } }] },
    /Unsupported prefix pattern/,
  ],
  [
    'prefix equals-ignore-case that is not a string',
    { source: [{ prefix: { 'equals-ignore-case': 1 } }] },
    /equals-ignore-case match pattern must be a string/,
  ],
  ['suffix that is null', { source: [{ suffix: null }] }, /suffix match pattern must be a string/],
  [
    'equals-ignore-case given a list',
    { source: [{ 'equals-ignore-case': ['a'] }] },
    /equals-ignore-case match pattern must be a string/,
  ],
  ['wildcard that is not a string', { source: [{ wildcard: 1 }] }, /wildcard match pattern must be a string/],
  ['wildcard with consecutive stars', { source: [{ wildcard: 'a**b' }] }, /Consecutive wildcard characters/],
  ['wildcard escaping a letter', { source: [{ wildcard: 'a\\b' }] }, /Invalid escape character/],
  ['wildcard ending in a backslash', { source: [{ wildcard: 'ab\\' }] }, /Invalid escape character/],
  [
    'exists that is not a boolean',
    { source: [{ exists: 'true' }] },
    /exists match pattern must be either true/,
  ],
  ['numeric that is not an array', { n: [{ numeric: '>5' }] }, /Value of numeric must be an array/],
  ['numeric that is empty', { n: [{ numeric: [] }] }, /Invalid member in numeric match/],
  ['numeric without a bound', { n: [{ numeric: ['>'] }] }, /Value of > must be numeric/],
  ['numeric with a string bound', { n: [{ numeric: ['>', '5'] }] }, /Value of > must be numeric/],
  [
    'numeric with an unknown operator',
    { n: [{ numeric: ['!=', 5] }] },
    /Unrecognized numeric range operator: !=/,
  ],
  ['numeric = followed by more terms', { n: [{ numeric: ['=', 5, '<', 6] }] }, /Too many elements/],
  ['numeric < followed by more terms', { n: [{ numeric: ['<', 5, '>', 1] }] }, /Too many elements/],
  [
    'numeric with two lower bounds',
    { n: [{ numeric: ['>', 5, '>=', 6] }] },
    /Bad numeric range operator: >=/,
  ],
  ['numeric with an upper bound missing', { n: [{ numeric: ['>', 0, '<'] }] }, /Value of < must be numeric/],
  ['numeric range that is empty', { n: [{ numeric: ['>', 5, '<', 5] }] }, /Bottom must be less than top/],
  ['numeric with five terms', { n: [{ numeric: ['>', 0, '<', 5, 6] }] }, /Too many terms/],
  ['cidr that is not a string', { ip: [{ cidr: 10 }] }, /cidr match pattern must be a string/],
  ['cidr without a mask', { ip: [{ cidr: '10.0.0.0' }] }, /one '\/' required/],
  ['cidr with a non-integer mask', { ip: [{ cidr: '10.0.0.0/x' }] }, /mask bits must be an integer/],
  ['cidr with an IPv4 mask of 33', { ip: [{ cidr: '10.0.0.0/33' }] }, /IPv4 mask bits must be < 32/],
  [
    'cidr with a full IPv4 mask (event-ruler)',
    { ip: [{ cidr: '10.0.0.1/32' }] },
    /IPv4 mask bits must be < 32/,
  ],
  [
    'cidr with a full IPv6 mask (event-ruler)',
    { ip: [{ cidr: '2001:db8::1/128' }] },
    /IPv6 mask bits must be < 128/,
  ],
  ['cidr with a bad address', { ip: [{ cidr: '300.0.0.0/8' }] }, /Invalid IP address/],
  ['cidr with a truncated address', { ip: [{ cidr: '10.0.0/8' }] }, /Invalid IP address/],
  ['cidr with an IPv6 mask of 129', { ip: [{ cidr: '2001:db8::/129' }] }, /IPv6 mask bits must be < 128/],
  ['anything-but null', { s: [{ 'anything-but': null }] }, /must be an array or single string\/number value/],
  ['anything-but true', { s: [{ 'anything-but': true }] }, /must be an array or single string\/number value/],
  ['anything-but an empty list', { s: [{ 'anything-but': [] }] }, /mixed type is not supported/],
  ['anything-but a mixed list', { s: [{ 'anything-but': ['a', 1] }] }, /mixed type is not supported/],
  [
    'anything-but a list with null',
    { s: [{ 'anything-but': [null] }] },
    /start\|null\|boolean is not supported/,
  ],
  [
    'anything-but an unknown modifier',
    { s: [{ 'anything-but': { exists: true } }] },
    /Unsupported anything-but/,
  ],
  ['anything-but an empty object', { s: [{ 'anything-but': {} }] }, /Anything-But expression name not found/],
  [
    'anything-but an empty prefix',
    { s: [{ 'anything-but': { prefix: '' } }] },
    /Null prefix\/suffix not allowed/,
  ],
  ['anything-but a numeric suffix', { s: [{ 'anything-but': { suffix: 5 } }] }, /must be an array or single/],
  [
    'anything-but equals-ignore-case with a number',
    { s: [{ 'anything-but': { 'equals-ignore-case': [1] } }] },
    /anything-but\/equals-ignore-case list, number/,
  ],
  ['anything-but a bad wildcard', { s: [{ 'anything-but': { wildcard: ['a**'] } }] }, /Consecutive wildcard/],
  ['$or that is not an array', { $or: { a: ['x'] } }, /It must be an Array followed with \$or/],
  ['$or with one branch', { $or: [{ a: ['x'] }] }, /at least 2 Objects in \$or/],
  ['$or with a non-object branch', { $or: [{ a: ['x'] }, ['b']] }, /Only JSON object is allowed/],
  ['$or with an empty branch', { $or: [{ a: ['x'] }, {}] }, /Empty objects are not allowed/],
  ['$or with an invalid branch', { $or: [{ a: ['x'] }, { b: 'y' }] }, /"b" must be an object or an array/],
  [
    '$or using an operator name as a field',
    { $or: [{ prefix: ['x'] }, { b: ['y'] }] },
    /prefix is Ruler reserved fieldName which cannot be used inside \$or/,
  ],
];

describe('validatePattern', () => {
  it.each(malformed)('rejects %s', (_name, pattern, message) => {
    expect(() => validatePattern(pattern as EventPattern)).toThrow(message);
  });

  it('names the offending field in the message', () => {
    expect(() => validatePattern({ detail: { state: [{ prefix: 1 }] } })).toThrow(/"detail\.state"/);
  });

  it.each<[string, EventPattern]>([
    ['operator names as ordinary field names outside $or', { detail: { prefix: ['x'], numeric: [1] } }],
    ['exists:false together with values', { state: [{ exists: false }, 'running', null, 1, true] }],
    [
      'every numeric form',
      { n: [{ numeric: ['=', 1] }, { numeric: ['<=', 1] }, { numeric: ['>=', 0, '<', 1] }] },
    ],
    [
      'anything-but with every modifier',
      { s: [{ 'anything-but': { suffix: ['.a', '.b'] } }, { 'anything-but': 1 }] },
    ],
    ['an escaped wildcard', { s: [{ wildcard: 'a\\*b\\\\c*' }] }],
    ['an IPv6 cidr', { ip: [{ cidr: '::/0' }, { cidr: 'fe80::1/64' }] }],
    ['nested $or', { a: ['x'], detail: { $or: [{ b: ['y'] }, { c: { $or: [{ d: [1] }, { e: [2] }] } }] } }],
  ])('accepts %s', (_name, pattern) => {
    expect(() => validatePattern(pattern)).not.toThrow();
  });
});

/* --- Property tests ------------------------------------------------------------------------- */

const fieldName = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const scalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

/** JSON-like events: scalars, arrays of scalars and nested objects, a few levels deep. */
const { event: eventArb } = fc.letrec<{ event: Record<string, unknown>; value: unknown }>((tie) => ({
  event: fc.dictionary(fieldName, tie('value'), { maxKeys: 5 }),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    tie('event'),
  ),
}));

/** A pattern made of the event's own leaf values (empty arrays and objects have none). */
function patternFromLeaves(event: Record<string, unknown>): EventPattern {
  const pattern: EventPattern = {};
  for (const [key, value] of Object.entries(event)) {
    if (Array.isArray(value)) {
      if (value.length > 0) pattern[key] = value;
    } else if (typeof value === 'object' && value !== null) {
      const nested = patternFromLeaves(value as Record<string, unknown>);
      if (Object.keys(nested).length > 0) pattern[key] = nested;
    } else {
      pattern[key] = [value];
    }
  }
  return pattern;
}

describe('matchesPattern: properties', () => {
  it('an event matches a (valid) pattern built from its own leaf values', () => {
    fc.assert(
      fc.property(eventArb, (event) => {
        const pattern = patternFromLeaves(event);
        fc.pre(Object.keys(pattern).length > 0);
        validatePattern(pattern);
        expect(matchesPattern(pattern, event)).toBe(true);
      }),
    );
  });

  it('a leaf pattern with a value the field does not hold does not match', () => {
    fc.assert(
      fc.property(eventArb, scalar, scalar, (event, held, other) => {
        fc.pre(!(typeof held === typeof other && held === other));
        expect(matchesPattern({ target: [other] }, { ...event, target: held })).toBe(false);
      }),
    );
  });

  it('a prefix of a string field matches; a different string of the same length does not', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.string(), (value, cut, candidate) => {
        const length = 1 + (cut % value.length);
        const prefix = value.slice(0, length);
        const event = { detail: { name: value } };
        expect(matchesPattern({ detail: { name: [{ prefix }] } }, event)).toBe(true);
        const other = candidate.padEnd(length, 'x').slice(0, length);
        fc.pre(other !== prefix);
        expect(matchesPattern({ detail: { name: [{ prefix: other }] } }, event)).toBe(false);
      }),
    );
  });

  it('a suffix of a string field matches; a different string of the same length does not', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.string(), (value, cut, candidate) => {
        const length = 1 + (cut % value.length);
        const suffix = value.slice(value.length - length);
        expect(matchesPattern({ name: [{ suffix }] }, { name: value })).toBe(true);
        const other = candidate.padEnd(length, 'x').slice(0, length);
        fc.pre(other !== suffix);
        expect(matchesPattern({ name: [{ suffix: other }] }, { name: value })).toBe(false);
      }),
    );
  });

  it('anything-but [v] never matches v and is the complement of [v] on present scalars', () => {
    const excluded = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(excluded, scalar, fc.boolean(), (v, other, same) => {
        const held = same ? v : other;
        const event = { detail: { field: held } };
        const anythingBut = matchesPattern({ detail: { field: [{ 'anything-but': [v] }] } }, event);
        const single = matchesPattern({ detail: { field: [{ 'anything-but': v }] } }, event);
        const exact = matchesPattern({ detail: { field: [v] } }, event);
        if (same) expect(anythingBut).toBe(false);
        expect(anythingBut).toBe(!exact);
        expect(single).toBe(anythingBut);
      }),
    );
  });

  it('$or of [p1, p2] matches exactly when p1 or p2 matches, ANDed with sibling fields', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const value = fc.constantFrom<unknown>('x', 'xy', 'y', 1, 2, null, true);
    const condition = fc.oneof(
      value,
      fc.constantFrom<unknown>(
        { prefix: 'x' },
        { exists: true },
        { exists: false },
        { 'anything-but': 'x' },
        { numeric: ['>', 1] },
      ),
    );
    const leafPattern = fc.dictionary(key, fc.array(condition, { minLength: 1, maxLength: 3 }), {
      minKeys: 1,
      maxKeys: 3,
    });
    const smallEvent = fc.dictionary(key, fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 3 });
    fc.assert(
      fc.property(leafPattern, leafPattern, leafPattern, smallEvent, (p0, p1, p2, event) => {
        const or = { $or: [p1, p2] };
        validatePattern(or);
        const either = matchesPattern(p1, event) || matchesPattern(p2, event);
        expect(matchesPattern(or, event)).toBe(either);
        expect(matchesPattern({ ...p0, ...or }, event)).toBe(matchesPattern(p0, event) && either);
        // Nested one level down, the same identity holds for the object it sits in.
        expect(matchesPattern({ detail: or }, { detail: event })).toBe(either);
      }),
    );
  });

  it('numeric ranges agree with plain comparisons', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(
        number,
        number,
        fc.constantFrom('>', '>='),
        fc.constantFrom('<', '<='),
        fc.oneof(number, fc.constant('low'), fc.constant('high')),
        (a, b, lowOp, highOp, pick) => {
          fc.pre(a !== b);
          const [low, high] = a < b ? [a, b] : [b, a];
          const x = pick === 'low' ? low : pick === 'high' ? high : pick;
          const aboveLow = lowOp === '>' ? x > low : x >= low;
          const belowHigh = highOp === '<' ? x < high : x <= high;
          const range = { n: [{ numeric: [lowOp, low, highOp, high] }] };
          validatePattern(range);
          expect(matchesPattern(range, { n: x })).toBe(aboveLow && belowHigh);
          expect(matchesPattern({ n: [{ numeric: [lowOp, low] }] }, { n: x })).toBe(aboveLow);
          expect(matchesPattern({ n: [{ numeric: [highOp, high] }] }, { n: x })).toBe(belowHigh);
          expect(matchesPattern({ n: [{ numeric: ['=', low] }] }, { n: x })).toBe(x === low);
        },
      ),
    );
  });

  it('wildcard patterns agree with an equivalent regular expression', () => {
    // A tiny alphabet so that literal runs often overlap and the random `other` often nearly matches.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '*', '\\', '.'), maxLength: 5 });
    const escapeWildcard = (literal: string) => literal.replace(/[\\*]/g, '\\$&');
    const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), text, (parts, other) => {
        // Odd-indexed parts become `*`; the even ones stay as (escaped) literals. A literal between
        // two stars must not be empty, or the pattern would contain the forbidden `**`.
        fc.pre(parts.every((part, i) => i % 2 === 1 || i === 0 || i === parts.length - 1 || part.length > 0));
        const wildcard = parts.map((part, i) => (i % 2 === 0 ? escapeWildcard(part) : '*')).join('');
        const regex = new RegExp(
          `^${parts.map((p, i) => (i % 2 === 0 ? escapeRegExp(p) : '.*')).join('')}$`,
          's',
        );
        validatePattern({ s: [{ wildcard }] });
        const value = parts.join('');
        expect(matchesPattern({ s: [{ wildcard }] }, { s: value })).toBe(true);
        expect(matchesPattern({ s: [{ wildcard }] }, { s: other })).toBe(regex.test(other));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals-ignore-case agrees with comparing lower-cased strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '1', '-'), maxLength: 5 });
    fc.assert(
      fc.property(text, text, (expected, value) => {
        const matched = matchesPattern({ s: [{ 'equals-ignore-case': expected }] }, { s: value });
        expect(matched).toBe(expected.toLowerCase() === value.toLowerCase());
        expect(
          matchesPattern({ s: [{ 'equals-ignore-case': expected }] }, { s: expected.toUpperCase() }),
        ).toBe(true);
      }),
    );
  });

  it('an IPv4 cidr matches exactly the addresses that share its network bits', () => {
    const toText = (n: number) => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        fc.integer({ min: 0, max: 31 }),
        (base, ip, bits) => {
          const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
          const network = (base & mask) >>> 0;
          const pattern = { ip: [{ cidr: `${toText(network)}/${bits}` }] };
          validatePattern(pattern);
          expect(matchesPattern(pattern, { ip: toText(ip) })).toBe((ip & mask) >>> 0 === network);
          expect(matchesPattern(pattern, { ip: toText((network | (ip & ~mask)) >>> 0) })).toBe(true);
        },
      ),
    );
  });
});
