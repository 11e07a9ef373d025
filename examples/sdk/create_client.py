"""boto3 calls with mistakes on purpose: run `npm start` to see them."""
import os

import boto3

cognito = boto3.client("cognito-idp")

WEB_CLIENT = dict(
    ClientName="web",
    AllowedOAuthFlowsUserPoolClient=True,
    AllowedOAuthFlows=["code"],
    AllowedOAuthScopes=["openid", "email"],
    CallbackURLs=["https://app.example.com/callback"],
    PreventUserExistenceErrors="ENABLED",
)


def create_web_client(user_pool_id):
    return cognito.create_user_pool_client(UserPoolId=user_pool_id, RefreshTokenValidity=0, **WEB_CLIENT)


def allow_admin_sign_in(user_pool_id, client_id):
    # Only the auth flows are sent: the callbacks, OAuth flows and scopes go back to their defaults.
    return cognito.update_user_pool_client(
        UserPoolId=user_pool_id,
        ClientId=client_id,
        ExplicitAuthFlows=["ADMIN_NO_SRP_AUTH"],
        CallbackURLs=[os.environ["CALLBACK_URL"]],
    )
