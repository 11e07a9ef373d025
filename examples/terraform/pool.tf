# The user pool and its identity provider: the clients in main.tf and cdktf.tf.json read them,
# because a Terraform module is its whole directory.
resource "aws_cognito_user_pool" "main" {
  name = "example"

  schema {
    name                = "tenant"
    attribute_data_type = "String"
  }
}

resource "aws_cognito_identity_provider" "google" {
  user_pool_id  = aws_cognito_user_pool.main.id
  provider_name = "Google"
  provider_type = "Google"
  provider_details = {
    client_id        = var.google_client_id
    client_secret    = var.google_client_secret
    authorize_scopes = "openid email"
  }
}

variable "google_client_id" {}
variable "google_client_secret" {
  sensitive = true
}
