locals {
  app_url = "https://app.example.com"
}

# A web client with mistakes on purpose: run `npm start` to see them.
resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.main.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code", "implicit"]
  allowed_oauth_scopes                 = ["openid", "email", "profile"]
  callback_urls                        = ["${local.app_url}/callback", "http://app.example.com/callback"]
  supported_identity_providers         = ["COGNITO", "Google"]
  access_token_validity                = 60
  read_attributes                      = ["email", "custom:tenant", "custom:plan"]
}
