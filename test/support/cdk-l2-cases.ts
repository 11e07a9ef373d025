/**
 * The CDK L2 cases shared by the TypeScript and Python tests (./cdk-l2.test.ts,
 * ./cdk-l2-python.test.ts): each default and each synth-time check of the facts file
 * (/work/shared/reference/cdk-l2-facts.md §2, §3), written once in each language's spelling, with
 * the effective values (or the exact error texts) the facts file records from real synths with
 * aws-cdk-lib 2.278.0. Not a test file itself.
 */

/** The effective properties of the client the CDK synthesises when `oAuth` is left out. */
export const DEFAULT_OAUTH = {
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['implicit', 'code'],
  AllowedOAuthScopes: ['profile', 'phone', 'email', 'openid', 'aws.cognito.signin.user.admin'],
  CallbackURLs: ['https://example.com'],
  SupportedIdentityProviders: ['COGNITO'],
};

export interface L2Case {
  name: string;
  /** Code before the client (declarations it names), per language. */
  before?: { ts: string; py: string };
  /** The props after `userPool` / `user_pool`: TS object members, Python keyword arguments. */
  ts: string;
  py: string;
  /** Every effective property but `UserPoolId` (`full`), or only those listed; `undefined` for absent; Unknown is `?`. */
  expect: Record<string, unknown>;
  full?: boolean;
}

export const DEFAULT_CASES: L2Case[] = [
  { name: 'oAuth omitted: implicit + code, the 5 scopes in the CDK order, https://example.com', ts: '', py: '', expect: DEFAULT_OAUTH, full: true },
  { name: 'oAuth empty is the same as omitted', ts: 'oAuth: {}', py: 'o_auth=OAuthSettings()', expect: DEFAULT_OAUTH, full: true },
  { name: 'flows replace the default whole: code only', ts: 'oAuth: { flows: { authorizationCodeGrant: true } }', py: 'o_auth=OAuthSettings(flows=OAuthFlows(authorization_code_grant=True))', expect: { ...DEFAULT_OAUTH, AllowedOAuthFlows: ['code'] }, full: true },
  { name: 'flows empty: no flows and no callback, still the 5 scopes', ts: 'oAuth: { flows: {} }', py: 'o_auth=OAuthSettings(flows=OAuthFlows())', expect: { AllowedOAuthFlows: undefined, CallbackURLs: undefined, AllowedOAuthScopes: DEFAULT_OAUTH.AllowedOAuthScopes } },
  {
    name: 'client credentials only: no default callback, an empty callback list left out',
    ts: 'oAuth: { flows: { clientCredentials: true }, callbackUrls: [] }',
    py: 'o_auth=OAuthSettings(flows=OAuthFlows(client_credentials=True), callback_urls=[])',
    expect: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: DEFAULT_OAUTH.AllowedOAuthScopes, SupportedIdentityProviders: ['COGNITO'] },
    full: true,
  },
  { name: 'scopes: openid appended after email', ts: 'oAuth: { scopes: [OAuthScope.EMAIL] }', py: 'o_auth=OAuthSettings(scopes=[OAuthScope.EMAIL])', expect: { AllowedOAuthScopes: ['email', 'openid'] } },
  { name: 'scopes: deduplicated, module-qualified constants', ts: 'oAuth: { scopes: [OAuthScope.PHONE, OAuthScope.PHONE, cognito.OAuthScope.OPENID] }', py: 'o_auth=OAuthSettings(scopes=[OAuthScope.PHONE, OAuthScope.PHONE, cognito.OAuthScope.OPENID])', expect: { AllowedOAuthScopes: ['phone', 'openid'] } },
  { name: 'scopes: the admin scope and a custom one', ts: "oAuth: { scopes: [OAuthScope.COGNITO_ADMIN, OAuthScope.custom('api/read')] }", py: 'o_auth=OAuthSettings(scopes=[OAuthScope.COGNITO_ADMIN, OAuthScope.custom("api/read")])', expect: { AllowedOAuthScopes: ['aws.cognito.signin.user.admin', 'api/read'] } },
  { name: 'scopes: an empty list stays empty', ts: 'oAuth: { scopes: [] }', py: 'o_auth=OAuthSettings(scopes=[])', expect: { AllowedOAuthScopes: [] } },
  {
    name: 'a resource server scope is the server identifier / scope name when both are declared in the file',
    before: {
      ts: "const api = pool.addResourceServer('Api', { identifier: 'orders', scopes: [] });\nconst readScope = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });\n",
      py: 'api = pool.add_resource_server("Api", identifier="orders", scopes=[])\nread_scope = cognito.ResourceServerScope(scope_name="read", scope_description="Read")\n',
    },
    ts: 'oAuth: { flows: { clientCredentials: true }, scopes: [OAuthScope.resourceServer(api, readScope), OAuthScope.resourceServer(elsewhere, readScope)] }',
    py: 'o_auth=OAuthSettings(flows=OAuthFlows(client_credentials=True), scopes=[OAuthScope.resource_server(api, read_scope), OAuthScope.resource_server(elsewhere, read_scope)])',
    expect: { AllowedOAuthScopes: ['orders/read', '?'] },
  },
  { name: 'disableOAuth: the flag false, providers still written', ts: 'disableOAuth: true', py: 'disable_o_auth=True', expect: { AllowedOAuthFlowsUserPoolClient: false, SupportedIdentityProviders: ['COGNITO'] }, full: true },
  { name: 'logoutUrls pass through, an empty list included', ts: 'oAuth: { logoutUrls: [] }', py: 'o_auth=OAuthSettings(logout_urls=[])', expect: { LogoutURLs: [] } },
  { name: 'authFlows omitted: no ExplicitAuthFlows', ts: '', py: '', expect: { ExplicitAuthFlows: undefined } },
  { name: 'authFlows empty: no ExplicitAuthFlows', ts: 'authFlows: {}', py: 'auth_flows=AuthFlow()', expect: { ExplicitAuthFlows: undefined } },
  { name: 'authFlows with any key, even false: the refresh flow appended', ts: 'authFlows: { custom: false }', py: 'auth_flows=AuthFlow(custom=False)', expect: { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] } },
  {
    name: 'authFlows: the flags in the CDK order, then the refresh flow',
    ts: 'authFlows: { user: true, userSrp: true, custom: true, adminUserPassword: true, userPassword: true }',
    py: 'auth_flows=AuthFlow(user=True, user_srp=True, custom=True, admin_user_password=True, user_password=True)',
    expect: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  },
  {
    name: 'a rotation grace period: no refresh flow appended, rotation ENABLED',
    ts: 'authFlows: { userSrp: true }, refreshTokenRotationGracePeriod: Duration.seconds(30)',
    py: 'auth_flows=AuthFlow(user_srp=True), refresh_token_rotation_grace_period=Duration.seconds(30)',
    expect: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 } },
  },
  { name: 'generateSecret false is written', ts: 'generateSecret: false', py: 'generate_secret=False', expect: { GenerateSecret: false } },
  { name: 'preventUserExistenceErrors true is ENABLED', ts: 'preventUserExistenceErrors: true', py: 'prevent_user_existence_errors=True', expect: { PreventUserExistenceErrors: 'ENABLED' } },
  { name: 'preventUserExistenceErrors false is LEGACY', ts: 'preventUserExistenceErrors: false', py: 'prevent_user_existence_errors=False', expect: { PreventUserExistenceErrors: 'LEGACY' } },
  { name: 'preventUserExistenceErrors and enableTokenRevocation omitted are not written', ts: '', py: '', expect: { PreventUserExistenceErrors: undefined, EnableTokenRevocation: undefined } },
  { name: 'userPoolClientName passes through', ts: "userPoolClientName: 'web'", py: 'user_pool_client_name="web"', expect: { ClientName: 'web' } },
  {
    name: 'identity providers: names in order, custom ones as written',
    ts: "supportedIdentityProviders: [UserPoolClientIdentityProvider.GOOGLE, UserPoolClientIdentityProvider.custom('MySaml')]",
    py: 'supported_identity_providers=[UserPoolClientIdentityProvider.GOOGLE, UserPoolClientIdentityProvider.custom("MySaml")]',
    expect: { SupportedIdentityProviders: ['Google', 'MySaml'] },
  },
  {
    name: 'identity providers: Apple, Facebook, Amazon, Cognito',
    ts: 'supportedIdentityProviders: [UserPoolClientIdentityProvider.APPLE, UserPoolClientIdentityProvider.FACEBOOK, UserPoolClientIdentityProvider.AMAZON, UserPoolClientIdentityProvider.COGNITO]',
    py: 'supported_identity_providers=[UserPoolClientIdentityProvider.APPLE, UserPoolClientIdentityProvider.FACEBOOK, UserPoolClientIdentityProvider.AMAZON, UserPoolClientIdentityProvider.COGNITO]',
    expect: { SupportedIdentityProviders: ['SignInWithApple', 'Facebook', 'LoginWithAmazon', 'COGNITO'] },
  },
  { name: 'identity providers: an empty list writes nothing', ts: 'supportedIdentityProviders: []', py: 'supported_identity_providers=[]', expect: { SupportedIdentityProviders: undefined } },
  {
    name: 'identity providers omitted: the providers constructed before the client, then COGNITO',
    before: { ts: "new cognito.UserPoolIdentityProviderGoogle(this, 'G', { userPool: pool, clientId: 'x' });\n", py: 'cognito.UserPoolIdentityProviderGoogle(self, "G", user_pool=pool, client_id="x")\n' },
    ts: '',
    py: '',
    expect: { SupportedIdentityProviders: ['?', 'COGNITO'] },
  },
  {
    name: 'Durations in whole minutes with TokenValidityUnits minutes for the tokens set',
    ts: 'accessTokenValidity: Duration.hours(1), refreshTokenValidity: Duration.days(3650), authSessionValidity: Duration.minutes(3)',
    py: 'access_token_validity=Duration.hours(1), refresh_token_validity=Duration.days(3650), auth_session_validity=Duration.minutes(3)',
    expect: { AccessTokenValidity: 60, RefreshTokenValidity: 5256000, AuthSessionValidity: 3, TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'minutes' } },
  },
  { name: 'no lifetime: no TokenValidityUnits', ts: '', py: '', expect: { TokenValidityUnits: undefined } },
  { name: 'a Duration in seconds, module-qualified, in minutes', ts: 'idTokenValidity: cdk.Duration.seconds(300)', py: 'id_token_validity=cdk.Duration.seconds(300)', expect: { IdTokenValidity: 5 } },
  { name: 'an empty ClientAttributes is an empty list', ts: 'writeAttributes: new ClientAttributes()', py: 'write_attributes=ClientAttributes()', expect: { WriteAttributes: [] } },
  {
    name: 'ClientAttributes: sorted, standard names mapped, custom: prefixed once',
    before: {
      ts: 'const attrs = new ClientAttributes().withStandardAttributes({ fullname: true, email: true, profilePicture: true, timezone: true, lastUpdateTime: true, profilePage: true, phoneNumber: false });\n',
      py: 'attrs = ClientAttributes().with_standard_attributes(fullname=True, email=True, profile_picture=True, timezone=True, last_update_time=True, profile_page=True, phone_number=False)\n',
    },
    ts: "readAttributes: attrs.withCustomAttributes('favoritePizza', 'custom:tier')",
    py: 'read_attributes=attrs.with_custom_attributes("favoritePizza", "custom:tier")',
    expect: { ReadAttributes: ['custom:favoritePizza', 'custom:tier', 'email', 'name', 'picture', 'profile', 'updated_at', 'zoneinfo'] },
  },
  { name: 'analytics: an application alone', ts: 'analytics: { application: app, shareUserData: true }', py: 'analytics=cognito.AnalyticsConfiguration(application=app, share_user_data=True)', expect: { AnalyticsConfiguration: { ApplicationArn: '?', UserDataShared: true } } },
  { name: 'analytics: applicationId + externalId + role', ts: "analytics: { applicationId: 'abc', externalId: 'ext', role }", py: 'analytics=cognito.AnalyticsConfiguration(application_id="abc", external_id="ext", role=role)', expect: { AnalyticsConfiguration: { ApplicationId: 'abc', ExternalId: 'ext', RoleArn: '?' } } },
];

export interface SynthCase {
  name: string;
  ts: string;
  py: string;
  /** The texts the CDK throws at synth time (the same in both languages: the CDK's own code throws them). */
  errors: string[];
}

const EMPTY_CALLBACK = 'callbackUrl must not be empty when codeGrant or implicitGrant OAuth flows are enabled.';
const CONTEXT_DATA = 'Cannot activate enablePropagateAdditionalUserContextData in an app client without a client secret.';

export const SYNTH_CASES: SynthCase[] = [
  { name: '1: oAuth with disableOAuth', ts: 'disableOAuth: true, oAuth: {}', py: 'disable_o_auth=True, o_auth=OAuthSettings()', errors: ['OAuth settings cannot be specified when disableOAuth is set.'] },
  { name: '2: an empty callback list with the default flows', ts: 'oAuth: { callbackUrls: [] }', py: 'o_auth=OAuthSettings(callback_urls=[])', errors: [EMPTY_CALLBACK] },
  { name: '2: an empty callback list with the implicit grant', ts: 'oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: [] }', py: 'o_auth=OAuthSettings(flows=OAuthFlows(implicit_code_grant=True), callback_urls=[])', errors: [EMPTY_CALLBACK] },
  { name: '2: an empty callback list with client credentials is fine', ts: 'oAuth: { flows: { clientCredentials: true }, callbackUrls: [] }', py: 'o_auth=OAuthSettings(flows=OAuthFlows(client_credentials=True), callback_urls=[])', errors: [] },
  { name: '3: defaultRedirectUri is the default callback', ts: "oAuth: { defaultRedirectUri: 'https://example.com' }", py: 'o_auth=OAuthSettings(default_redirect_uri="https://example.com")', errors: [] },
  { name: '3: defaultRedirectUri not the default callback', ts: "oAuth: { defaultRedirectUri: 'https://app.example.com' }", py: 'o_auth=OAuthSettings(default_redirect_uri="https://app.example.com")', errors: ['defaultRedirectUri must be included in callbackUrls.'] },
  { name: '3: defaultRedirectUri not among the callbacks', ts: "oAuth: { callbackUrls: ['https://a.example.com'], defaultRedirectUri: 'https://b.example.com' }", py: 'o_auth=OAuthSettings(callback_urls=["https://a.example.com"], default_redirect_uri="https://b.example.com")', errors: ['defaultRedirectUri must be included in callbackUrls.'] },
  { name: '4: defaultRedirectUri against the pattern', ts: "oAuth: { callbackUrls: ['https://a b'], defaultRedirectUri: 'https://a b' }", py: 'o_auth=OAuthSettings(callback_urls=["https://a b"], default_redirect_uri="https://a b")', errors: ['defaultRedirectUri must match the `^(?=.{1,1024}$)[p{L}p{M}p{S}p{N}p{P}]+$` pattern, got https://a b'] },
  { name: '5: context data without a secret', ts: 'enablePropagateAdditionalUserContextData: true', py: 'enable_propagate_additional_user_context_data=True', errors: [CONTEXT_DATA] },
  { name: '5: context data with generateSecret false', ts: 'enablePropagateAdditionalUserContextData: true, generateSecret: false', py: 'enable_propagate_additional_user_context_data=True, generate_secret=False', errors: [CONTEXT_DATA] },
  { name: '5: context data with a secret is fine', ts: 'enablePropagateAdditionalUserContextData: true, generateSecret: true', py: 'enable_propagate_additional_user_context_data=True, generate_secret=True', errors: [] },
  {
    name: '6: clientCredentials with another grant',
    ts: "oAuth: { flows: { clientCredentials: true, authorizationCodeGrant: true }, callbackUrls: ['https://a.example.com'] }",
    py: 'o_auth=OAuthSettings(flows=OAuthFlows(client_credentials=True, authorization_code_grant=True), callback_urls=["https://a.example.com"])',
    errors: ['clientCredentials OAuth flow cannot be selected along with codeGrant or implicitGrant.'],
  },
  { name: '7: access token under 5 minutes', ts: 'accessTokenValidity: Duration.minutes(4)', py: 'access_token_validity=Duration.minutes(4)', errors: ['accessTokenValidity: Must be a duration between 5 minutes and 1 day (inclusive); received 4 minutes.'] },
  { name: '7: ID token over a day', ts: 'idTokenValidity: Duration.days(2)', py: 'id_token_validity=Duration.days(2)', errors: ['idTokenValidity: Must be a duration between 5 minutes and 1 day (inclusive); received 2 days.'] },
  { name: '7: refresh token under an hour', ts: 'refreshTokenValidity: Duration.minutes(59)', py: 'refresh_token_validity=Duration.minutes(59)', errors: ['refreshTokenValidity: Must be a duration between 1 hour and 3650 days (inclusive); received 59 minutes.'] },
  { name: '7: auth session over 15 minutes', ts: 'authSessionValidity: Duration.minutes(16)', py: 'auth_session_validity=Duration.minutes(16)', errors: ['authSessionValidity: Must be a duration between 3 minutes and 15 minutes (inclusive); received 16 minutes.'] },
  { name: '7: rotation grace period over a minute', ts: 'refreshTokenRotationGracePeriod: Duration.seconds(61)', py: 'refresh_token_rotation_grace_period=Duration.seconds(61)', errors: ['refreshTokenRotationGracePeriod: Must be a duration between 0 seconds and 1 minute (inclusive); received 1 minute 1 second.'] },
  { name: '7: access token longer than the refresh token', ts: 'refreshTokenValidity: Duration.hours(1), accessTokenValidity: Duration.hours(2)', py: 'refresh_token_validity=Duration.hours(1), access_token_validity=Duration.hours(2)', errors: ['accessTokenValidity: Must be a duration between 5 minutes and 1 hour (inclusive); received 2 hours.'] },
  { name: '7: without a refresh lifetime only the 1-day cap', ts: 'accessTokenValidity: Duration.hours(2)', py: 'access_token_validity=Duration.hours(2)', errors: [] },
  { name: '8: not a whole number of minutes', ts: 'idTokenValidity: Duration.seconds(330)', py: 'id_token_validity=Duration.seconds(330)', errors: ["'330 seconds' cannot be converted into a whole number of minutes."] },
  { name: '8: not a whole number of seconds', ts: 'refreshTokenRotationGracePeriod: Duration.millis(500)', py: 'refresh_token_rotation_grace_period=Duration.millis(500)', errors: ["'500 millis' cannot be converted into a whole number of seconds."] },
  { name: '8: a negative amount', ts: 'accessTokenValidity: Duration.minutes(-1)', py: 'access_token_validity=Duration.minutes(-1)', errors: ['Duration amounts cannot be negative. Received: -1'] },
  { name: '9: a lifetime from a parameter (a token)', ts: 'accessTokenValidity: Duration.minutes(ttl.valueAsNumber)', py: 'access_token_validity=Duration.minutes(ttl.value_as_number)', errors: ["Duration must be specified as 'Duration.millis()' here since its value comes from a token and cannot be converted (got Duration.minutes)"] },
  { name: '9: a token in Duration.millis, and a plain name, are not refused', ts: 'accessTokenValidity: Duration.millis(ttl.valueAsNumber), idTokenValidity: Duration.minutes(minutes)', py: 'access_token_validity=Duration.millis(ttl.value_as_number), id_token_validity=Duration.minutes(minutes)', errors: [] },
  { name: '10: analytics with both an application and its id', ts: "analytics: { application: app, applicationId: 'abc' }", py: 'analytics=cognito.AnalyticsConfiguration(application=app, application_id="abc")', errors: ['Either `application` or all of `applicationId`, `externalId` and `role` must be specified.'] },
  { name: '11: analytics without the external id', ts: "analytics: { applicationId: 'abc', role }", py: 'analytics=cognito.AnalyticsConfiguration(application_id="abc", role=role)', errors: ['Either all of `applicationId`, `externalId` and `role` must be specified or `application` must be specified.'] },
];
