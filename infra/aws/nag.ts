import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The string cdk-nag uses to name a resource in an `AwsSolutions-IAM5[Resource::…]` finding, so a
 * wildcard grant can be acknowledged exactly (cdk-nag 3 has no prefix matching). Mirrors cdk-nag's
 * `flattenCfnReference`: `Ref` → `<X>`, `Fn::GetAtt` → `<X.Attr>`, `Fn::Join` joined, `Fn::Sub` with
 * `${…}` → `<…>`.
 *
 * Only valid for values that resolve the same before and after cross-stack references are wired,
 * i.e. literals, pseudo parameters, same-stack resources and explicit `Fn.getStackOutput` (which
 * cdk-nag, like this, renders as its JSON); an automatic cross-stack reference is only wired at
 * synth time and would not match.
 */
export function nagResourceName(scope: IConstruct, value: string): string {
  return flatten(Stack.of(scope).resolve(value));
}

function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const obj = node as Record<string, unknown>;
    if (Array.isArray(obj['Fn::Join'])) {
      const [delimiter, items] = obj['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (obj['Fn::Sub'] !== undefined) return flatten(obj['Fn::Sub']);
    if (Array.isArray(obj['Fn::GetAtt'])) {
      const [resource, attribute] = obj['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if (obj['Fn::ImportValue'] !== undefined) return flatten(obj['Fn::ImportValue']);
    if (obj.Ref !== undefined) return `<${flatten(obj.Ref)}>`;
  }
  return JSON.stringify(node);
}
