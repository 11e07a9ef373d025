import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, OAuthFlowType, UpdateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';

const cognito = new CognitoIdentityProviderClient({});

// A create call with mistakes on purpose: run `npm start` to see them.
export async function createWebClient(userPoolId: string) {
  return cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'web',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: [OAuthFlowType.CODE, 'client_credentials'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://app.example.com/callback'],
      AccessTokenValidity: '60',
    }),
  );
}

// An update that names one setting: every other one goes back to its default.
export async function allowSrp(userPoolId: string, clientId: string) {
  return cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }));
}
