/**
 * The core ports on the AWS SDK for Java 2: MediaPackage v1 channels and endpoints, CloudFront distributions, and the
 * link lookup through the Resource Groups Tagging API or CloudFront's own tags. The entry point is
 * {@link io.github.mediapackagecdn.aws.AwsChannelCdn}; the implementations are package-private.
 *
 * <p>The IAM actions the adapters call are listed in the resource {@code iam-policy.json} of this package.
 */
package io.github.mediapackagecdn.aws;
