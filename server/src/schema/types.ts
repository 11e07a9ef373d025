/**
 * The shape of `schemas/user-pool-client.json`, the single source of truth for every user pool
 * client setting. Only `server/src/schema/` reads that file; everything else asks these types.
 */
import type { Spelling } from '../model';

/**
 * Where a definition is written, as far as which properties are allowed and required:
 * a CloudFormation resource, a Terraform resource, an API/SDK create or update call, or a
 * DescribeUserPoolClient result (the client as the API reports it, outputs included).
 */
export type WriteContext = 'cloudformation' | 'terraform' | 'create' | 'update' | 'describe';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Who a piece of documentation is written for: a CloudFormation template, a Terraform
 * configuration, an SDK call or API JSON (`api`), or a CDK `CfnUserPoolClient` (`cdk`).
 */
export type DocSurface = 'cloudformation' | 'terraform' | 'api' | 'cdk';

/** Links to the reference pages for a property (or for the resource). */
export interface DocLinks {
  api?: string;
  cloudformation?: string;
  terraform?: string;
  cdk?: string;
}

/** One allowed value of an enum. */
export interface EnumValue {
  value: string;
  /** One short sentence in our own words. */
  description: string;
  /** A value that still works but should not be used (legacy auth flow names). */
  deprecated?: boolean;
  /** The value to use instead of a deprecated one. */
  replacement?: string;
}

/** A value from a vocabulary (standard attributes, standard scopes, built-in identity providers). */
export interface VocabularyEntry {
  value: string;
  description: string;
}

/** How a token validity number turns into a duration. */
export interface DurationSpec {
  /** The member of `TokenValidityUnits` that gives this number's unit. */
  unitMember: 'AccessToken' | 'IdToken' | 'RefreshToken';
  /** The unit when `TokenValidityUnits` (or that member) is absent. */
  defaultUnit: 'seconds' | 'minutes' | 'hours' | 'days';
  /** The shortest valid effective duration, in seconds. */
  minSeconds: number;
  /** The longest valid effective duration, in seconds. */
  maxSeconds: number;
}

/** The type and constraints of a value (a property, a list item or an object member). */
export interface ValueSchema {
  type: 'string' | 'integer' | 'boolean' | 'list' | 'object';
  /** For `list`: the schema of each item. */
  items?: ValueSchema;
  /** For `object`: its members by canonical name. */
  properties?: Record<string, PropertySchema>;
  enum?: EnumValue[];
  /** A named list of suggested (not enforced) values, from `vocabularies`. */
  suggestions?: string;
  minimum?: number;
  maximum?: number;
  /** String length bounds (UTF-16 code units as the API counts characters). */
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** The API pattern, which must match the whole value (written without anchors). */
  pattern?: string;
  /** Named formats with extra checks: `url` for redirect URIs, `arn`. */
  format?: 'url' | 'arn';
}

/** One setting of a user pool client (top-level or nested). */
export interface PropertySchema extends ValueSchema {
  /**
   * The property's name in each spelling family. A spelling missing here means the property does
   * not exist on surfaces that use that spelling.
   */
  names: Partial<Record<Spelling, string>>;
  /** One line saying what it is, in our own words (used as a completion detail). */
  title: string;
  /**
   * A paragraph explaining what it does and what to watch for, in our own words (Markdown). It
   * holds for every surface: anything true of one surface only goes in `surfaceNotes`.
   */
  description: string;
  /**
   * What only one surface needs to know (how it checks, replaces or spells the setting), each
   * note readable on its own after `description`. A note only for surfaces where the property exists.
   */
  surfaceNotes?: Partial<Record<DocSurface, string>>;
  /** The value used when the property is omitted, if there is a fixed one. */
  default?: JsonValue;
  /** The default explained in words, when it is not a plain value or depends on the case. */
  defaultNote?: string;
  /** Where the property may be written as input. Absent: everywhere its spelling exists. */
  inputIn?: WriteContext[];
  /** Where the property must be present. */
  requiredIn?: WriteContext[];
  /** An output of the service (written as input where `inputIn` does not allow it, it is an error). */
  readOnly?: boolean;
  /** Can only be set when the client is created (a change replaces the client). */
  createOnly?: boolean;
  /** Terraform writes this object as a nested block (`name { ... }`) rather than an attribute. */
  terraformBlock?: boolean;
  /** For token validities: how the number becomes a duration. */
  duration?: DurationSpec;
  /** For plain durations such as `AuthSessionValidity`: the unit of the number. */
  unit?: 'seconds' | 'minutes' | 'hours' | 'days';
  docs: DocLinks;
}

/** The whole schema document. */
export interface SchemaDocument {
  version: number;
  /** The resource as a whole. */
  resource: {
    /** `AWS::Cognito::UserPoolClient` */
    cloudformationType: string;
    /** `aws_cognito_user_pool_client` */
    terraformType: string;
    /** API operation names: `CreateUserPoolClient`, `UpdateUserPoolClient`. */
    createOperation: string;
    updateOperation: string;
    title: string;
    description: string;
    docs: DocLinks;
  };
  /**
   * The related resource types the cross-resource rules read, by role
   * (`userPool`, `identityProvider`, `resourceServer`), in each surface's spelling.
   */
  relatedTypes: Record<'userPool' | 'identityProvider' | 'resourceServer', { cloudformation: string; terraform: string }>;
  /** Top-level properties by canonical (API / CloudFormation) name. */
  properties: Record<string, PropertySchema>;
  /** Suggested value lists, referred to by `suggestions`. */
  vocabularies: Record<string, VocabularyEntry[]>;
}
