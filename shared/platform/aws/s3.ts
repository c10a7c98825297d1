import { S3Client } from '@aws-sdk/client-s3';

/**
 * The S3 client, created once per container, in its own module so functions without a bucket do
 * not bundle it. Path-style addressing (`<endpoint>/<bucket>/<key>`): S3 answers it as well, and
 * the local emulator needs it (the endpoint comes from `AWS_ENDPOINT_URL_S3`, as every service's).
 */
export const s3 = new S3Client({ forcePathStyle: true });
