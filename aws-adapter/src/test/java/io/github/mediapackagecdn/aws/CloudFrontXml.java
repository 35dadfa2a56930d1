package io.github.mediapackagecdn.aws;

/** CloudFront response bodies, written in the API model's member order. */
final class CloudFrontXml {

  static final String ID = "E1U5RQF7T870K0";
  static final String ARN = "arn:aws:cloudfront::123456789012:distribution/" + ID;
  static final String DOMAIN = "d111111abcdef8.cloudfront.net";
  static final String PLACEHOLDER_ID = "TEMP_ORIGIN_ID/channel";
  static final String POLICY = "08627262-05a9-4f76-9ded-b50ca2e3a84f";

  private CloudFrontXml() {}

  static final String PLACEHOLDER_ORIGIN = """
      <Origin><Id>TEMP_ORIGIN_ID/channel</Id><DomainName>mediapackage.amazonaws.com</DomainName><OriginPath></OriginPath>\
      <CustomHeaders><Quantity>0</Quantity></CustomHeaders>\
      <CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>https-only</OriginProtocolPolicy>\
      <OriginSslProtocols><Quantity>1</Quantity><Items><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols>\
      <OriginReadTimeout>30</OriginReadTimeout><OriginKeepaliveTimeout>5</OriginKeepaliveTimeout></CustomOriginConfig>\
      <ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout></Origin>""";

  static final String PLACEHOLDER_DEFAULT_BEHAVIOR = """
      <DefaultCacheBehavior><TargetOriginId>TEMP_ORIGIN_ID/channel</TargetOriginId>\
      <TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>\
      <TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>\
      <ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>\
      <AllowedMethods><Quantity>3</Quantity><Items><Method>HEAD</Method><Method>GET</Method><Method>OPTIONS</Method></Items>\
      <CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods></AllowedMethods>\
      <SmoothStreaming>false</SmoothStreaming><Compress>false</Compress>\
      <LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations>\
      <FunctionAssociations><Quantity>0</Quantity></FunctionAssociations>\
      <FieldLevelEncryptionId></FieldLevelEncryptionId><CachePolicyId>08627262-05a9-4f76-9ded-b50ca2e3a84f</CachePolicyId>\
      </DefaultCacheBehavior>""";

  /** A distribution as the library creates it for a channel without endpoints. */
  static final String PLACEHOLDER_CONFIG = """
      <CallerReference>mediapackage-cdn-0123-0</CallerReference>\
      <Aliases><Quantity>0</Quantity></Aliases><DefaultRootObject></DefaultRootObject>\
      <Origins><Quantity>1</Quantity><Items>""" + PLACEHOLDER_ORIGIN + """
      </Items></Origins><OriginGroups><Quantity>0</Quantity></OriginGroups>""" + PLACEHOLDER_DEFAULT_BEHAVIOR + """
      <CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>\
      <CustomErrorResponses><Quantity>1</Quantity><Items><CustomErrorResponse><ErrorCode>404</ErrorCode>\
      <ResponsePagePath></ResponsePagePath><ResponseCode></ResponseCode><ErrorCachingMinTTL>1</ErrorCachingMinTTL>\
      </CustomErrorResponse></Items></CustomErrorResponses>\
      <Comment>MediaPackage live channel live-news</Comment>\
      <Logging><Enabled>false</Enabled><IncludeCookies>false</IncludeCookies><Bucket></Bucket><Prefix></Prefix></Logging>\
      <PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled>\
      <ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>\
      <SSLSupportMethod>vip</SSLSupportMethod><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion>\
      <CertificateSource>cloudfront</CertificateSource></ViewerCertificate>\
      <Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions>\
      <WebACLId></WebACLId><HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled>""";

  static final String USER_S3_ORIGIN = """
      <Origin><Id>user-s3</Id><DomainName>assets.s3.us-east-1.amazonaws.com</DomainName><OriginPath>/live</OriginPath>\
      <CustomHeaders><Quantity>1</Quantity><Items><OriginCustomHeader><HeaderName>X-Team</HeaderName>\
      <HeaderValue>video</HeaderValue></OriginCustomHeader></Items></CustomHeaders>\
      <S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig>\
      <ConnectionAttempts>2</ConnectionAttempts><ConnectionTimeout>5</ConnectionTimeout>\
      <OriginShield><Enabled>true</Enabled><OriginShieldRegion>us-east-1</OriginShieldRegion></OriginShield>\
      <OriginAccessControlId>E2OAC0EXAMPLE</OriginAccessControlId></Origin>""";

  static final String USER_BACKUP_ORIGIN = """
      <Origin><Id>user-backup</Id><DomainName>backup.example.com</DomainName><OriginPath></OriginPath>\
      <CustomHeaders><Quantity>0</Quantity></CustomHeaders>\
      <CustomOriginConfig><HTTPPort>8080</HTTPPort><HTTPSPort>8443</HTTPSPort><OriginProtocolPolicy>match-viewer</OriginProtocolPolicy>\
      <OriginSslProtocols><Quantity>2</Quantity><Items><SslProtocol>TLSv1.1</SslProtocol><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols>\
      <OriginReadTimeout>60</OriginReadTimeout><OriginKeepaliveTimeout>20</OriginKeepaliveTimeout></CustomOriginConfig>\
      <ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout></Origin>""";

  static final String ORIGIN_GROUPS = """
      <OriginGroups><Quantity>1</Quantity><Items><OriginGroup><Id>user-group</Id>\
      <FailoverCriteria><StatusCodes><Quantity>2</Quantity><Items><StatusCode>500</StatusCode><StatusCode>502</StatusCode>\
      </Items></StatusCodes></FailoverCriteria>\
      <Members><Quantity>2</Quantity><Items><OriginGroupMember><OriginId>user-s3</OriginId></OriginGroupMember>\
      <OriginGroupMember><OriginId>user-backup</OriginId></OriginGroupMember></Items></Members>\
      </OriginGroup></Items></OriginGroups>""";

  static final String USER_DEFAULT_BEHAVIOR = """
      <DefaultCacheBehavior><TargetOriginId>TEMP_ORIGIN_ID/channel</TargetOriginId>\
      <TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>\
      <TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>\
      <ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>\
      <AllowedMethods><Quantity>3</Quantity><Items><Method>HEAD</Method><Method>GET</Method><Method>OPTIONS</Method></Items>\
      <CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods></AllowedMethods>\
      <SmoothStreaming>false</SmoothStreaming><Compress>false</Compress>\
      <LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations>\
      <FunctionAssociations><Quantity>1</Quantity><Items><FunctionAssociation>\
      <FunctionARN>arn:aws:cloudfront::123456789012:function/add-cors</FunctionARN><EventType>viewer-response</EventType>\
      </FunctionAssociation></Items></FunctionAssociations>\
      <FieldLevelEncryptionId></FieldLevelEncryptionId><CachePolicyId>08627262-05a9-4f76-9ded-b50ca2e3a84f</CachePolicyId>\
      <ResponseHeadersPolicyId>67f7725c-6f97-4210-82d7-5512b31e9d03</ResponseHeadersPolicyId>\
      </DefaultCacheBehavior>""";

  static final String USER_BEHAVIOR = """
      <CacheBehavior><PathPattern>/static/*</PathPattern><TargetOriginId>user-group</TargetOriginId>\
      <TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>\
      <TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>\
      <ViewerProtocolPolicy>https-only</ViewerProtocolPolicy>\
      <AllowedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items>\
      <CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods></AllowedMethods>\
      <SmoothStreaming>false</SmoothStreaming><Compress>true</Compress>\
      <LambdaFunctionAssociations><Quantity>1</Quantity><Items><LambdaFunctionAssociation>\
      <LambdaFunctionARN>arn:aws:lambda:us-east-1:123456789012:function:rewrite:3</LambdaFunctionARN>\
      <EventType>origin-request</EventType><IncludeBody>false</IncludeBody></LambdaFunctionAssociation></Items>\
      </LambdaFunctionAssociations>\
      <FunctionAssociations><Quantity>0</Quantity></FunctionAssociations><FieldLevelEncryptionId></FieldLevelEncryptionId>\
      <ForwardedValues><QueryString>true</QueryString><Cookies><Forward>none</Forward></Cookies>\
      <Headers><Quantity>1</Quantity><Items><Name>Origin</Name></Items></Headers>\
      <QueryStringCacheKeys><Quantity>1</Quantity><Items><Name>v</Name></Items></QueryStringCacheKeys></ForwardedValues>\
      <MinTTL>0</MinTTL><DefaultTTL>3600</DefaultTTL><MaxTTL>86400</MaxTTL></CacheBehavior>""";

  /** A channel's distribution after a user added to it in CloudFront everything the library does not model. */
  static final String USER_EDITED_CONFIG = """
      <CallerReference>mediapackage-cdn-0123-0</CallerReference>\
      <Aliases><Quantity>2</Quantity><Items><CNAME>live.example.com</CNAME><CNAME>tv.example.com</CNAME></Items></Aliases>\
      <DefaultRootObject>index.html</DefaultRootObject>\
      <Origins><Quantity>3</Quantity><Items>""" + PLACEHOLDER_ORIGIN + USER_S3_ORIGIN + USER_BACKUP_ORIGIN + """
      </Items></Origins>""" + ORIGIN_GROUPS + USER_DEFAULT_BEHAVIOR + """
      <CacheBehaviors><Quantity>1</Quantity><Items>""" + USER_BEHAVIOR + """
      </Items></CacheBehaviors>\
      <CustomErrorResponses><Quantity>2</Quantity><Items>\
      <CustomErrorResponse><ErrorCode>404</ErrorCode><ResponsePagePath>/errors/404.html</ResponsePagePath>\
      <ResponseCode>404</ResponseCode><ErrorCachingMinTTL>10</ErrorCachingMinTTL></CustomErrorResponse>\
      <CustomErrorResponse><ErrorCode>503</ErrorCode><ResponsePagePath></ResponsePagePath>\
      <ResponseCode></ResponseCode><ErrorCachingMinTTL>1</ErrorCachingMinTTL></CustomErrorResponse>\
      </Items></CustomErrorResponses>\
      <Comment>MediaPackage live channel live-news</Comment>\
      <Logging><Enabled>true</Enabled><IncludeCookies>true</IncludeCookies>\
      <Bucket>logs.s3.amazonaws.com</Bucket><Prefix>cdn/</Prefix></Logging>\
      <PriceClass>PriceClass_100</PriceClass><Enabled>true</Enabled>\
      <ViewerCertificate><ACMCertificateArn>arn:aws:acm:us-east-1:123456789012:certificate/1a2b3c4d</ACMCertificateArn>\
      <SSLSupportMethod>sni-only</SSLSupportMethod><MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion>\
      <Certificate>arn:aws:acm:us-east-1:123456789012:certificate/1a2b3c4d</Certificate>\
      <CertificateSource>acm</CertificateSource></ViewerCertificate>\
      <Restrictions><GeoRestriction><RestrictionType>whitelist</RestrictionType><Quantity>2</Quantity>\
      <Items><Location>CA</Location><Location>US</Location></Items></GeoRestriction></Restrictions>\
      <WebACLId>arn:aws:wafv2:us-east-1:123456789012:global/webacl/live/0a1b2c3d</WebACLId>\
      <HttpVersion>http2and3</HttpVersion><IsIPV6Enabled>false</IsIPV6Enabled>\
      <ContinuousDeploymentPolicyId></ContinuousDeploymentPolicyId><Staging>false</Staging>""";

  /** A GetDistribution / Create / Update response body. */
  static String distribution(String status, String config) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution xmlns=\"" + Wire.CLOUDFRONT_NS + "\">"
        + "<Id>" + ID + "</Id><ARN>" + ARN + "</ARN><Status>" + status + "</Status>"
        + "<LastModifiedTime>2024-05-01T10:00:00.000Z</LastModifiedTime>"
        + "<InProgressInvalidationBatches>0</InProgressInvalidationBatches><DomainName>" + DOMAIN + "</DomainName>"
        + "<ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners>"
        + "<ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>"
        + "<DistributionConfig>" + config + "</DistributionConfig></Distribution>";
  }

  /** A GetDistributionConfig response body. */
  static String distributionConfig(String config) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionConfig xmlns=\"" + Wire.CLOUDFRONT_NS + "\">"
        + config + "</DistributionConfig>";
  }

  /** One page of ListDistributions. */
  static String distributionList(String marker, String nextMarker, String... ids) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      items.append("<DistributionSummary><Id>").append(id).append("</Id><ARN>arn:aws:cloudfront::123456789012:distribution/")
          .append(id).append("</ARN><ETag>ETAG").append(id).append("</ETag><Status>Deployed</Status>")
          .append("<LastModifiedTime>2024-05-01T10:00:00.000Z</LastModifiedTime><DomainName>d")
          .append(id.toLowerCase(java.util.Locale.ROOT)).append(".cloudfront.net</DomainName>")
          .append("<Aliases><Quantity>0</Quantity></Aliases><Origins><Quantity>1</Quantity><Items>")
          .append(PLACEHOLDER_ORIGIN).append("</Items></Origins>").append(PLACEHOLDER_DEFAULT_BEHAVIOR)
          .append("<CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>")
          .append("<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses>")
          .append("<Comment>distribution ").append(id).append("</Comment><PriceClass>PriceClass_All</PriceClass>")
          .append("<Enabled>true</Enabled><ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>")
          .append("</ViewerCertificate><Restrictions><GeoRestriction><RestrictionType>none</RestrictionType>")
          .append("<Quantity>0</Quantity></GeoRestriction></Restrictions><WebACLId></WebACLId>")
          .append("<HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><Staging>false</Staging>")
          .append("</DistributionSummary>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionList xmlns=\"" + Wire.CLOUDFRONT_NS + "\">"
        + "<Marker>" + marker + "</Marker>" + (nextMarker == null ? "" : "<NextMarker>" + nextMarker + "</NextMarker>")
        + "<MaxItems>100</MaxItems><IsTruncated>" + (nextMarker != null) + "</IsTruncated><Quantity>" + ids.length
        + "</Quantity>" + (ids.length == 0 ? "" : "<Items>" + items + "</Items>") + "</DistributionList>";
  }

  /** A ListTagsForResource response body. */
  static String tags(String... keyValues) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      items.append("<Tag><Key>").append(keyValues[i]).append("</Key><Value>").append(keyValues[i + 1])
          .append("</Value></Tag>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Tags xmlns=\"" + Wire.CLOUDFRONT_NS + "\">"
        + (keyValues.length == 0 ? "" : "<Items>" + items + "</Items>") + "</Tags>";
  }
}
