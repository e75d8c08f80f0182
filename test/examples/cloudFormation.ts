/**
 * Reads a CloudFormation / SAM template written in YAML: the short forms of the intrinsic
 * functions (`!Ref X`, `!Sub '...'`, `!GetAtt A.B`, `!If [...]`, ...) become their JSON forms
 * (`{ Ref: 'X' }`, `{ 'Fn::Sub': '...' }`, `{ 'Fn::GetAtt': ['A', 'B'] }`, ...), as
 * CloudFormation reads them.
 */
import { parse, type Tags, type YAMLMap, type YAMLSeq } from 'yaml';

const FUNCTIONS = [
  'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join', 'Not', 'Or',
  'And', 'Select', 'Split', 'Sub', 'Transform', 'GetAtt',
]; // prettier-ignore

const jsonName = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

function intrinsicTags(): Tags {
  const tags: Tags = [];
  for (const name of [...FUNCTIONS, 'Ref', 'Condition']) {
    const key = jsonName(name);
    tags.push({
      tag: `!${name}`,
      resolve: (value: string) => ({ [key]: name === 'GetAtt' ? value.split('.') : value }),
    });
    for (const collection of ['seq', 'map'] as const) {
      tags.push({
        tag: `!${name}`,
        collection,
        resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [key]: value.toJSON() }),
      });
    }
  }
  return tags;
}

/** A template resource: its type, properties and metadata. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

/** The parts of a template the tests read. */
export interface Template {
  AWSTemplateFormatVersion?: string;
  Transform?: string | string[];
  Globals?: Record<string, Record<string, unknown>>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, { Value: unknown }>;
}

/** Parses a template's YAML text; throws on a YAML error or an unknown tag. */
export function parseTemplate(text: string): Template {
  return parse(text, { customTags: intrinsicTags(), strict: true, prettyErrors: true });
}

/** The resources of one type, by logical id. */
export const resourcesOfType = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
