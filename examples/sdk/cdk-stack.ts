import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

// CDK L2 clients with mistakes on purpose: run `npm start` to see what `cdk synth` would make of them.
export class AuthStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const pool = new cognito.UserPool(this, 'Pool');

    // No oAuth: the CDK turns on the implicit grant with https://example.com as the callback.
    pool.addClient('Spa', {
      authFlows: { userSrp: true },
    });

    new cognito.UserPoolClient(this, 'Backend', {
      userPool: pool,
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.EMAIL],
        callbackUrls: ['https://app.example.com/callback'],
      },
      accessTokenValidity: Duration.seconds(90),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
