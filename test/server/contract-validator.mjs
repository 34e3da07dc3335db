// Checks HTTP requests and responses against openapi/auth.openapi.yaml with ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1). The contract server runs every request it gets and every response it is about to
// send through here; nothing in it knows the operations by heart: everything is read from the document.
//
//   const contract = await loadContract();
//   contract.checkRequest('register', { contentType, bodyText })       -> { valid, errors, parsed }
//   contract.checkResponse('register', { status, headers, bodyText })  -> [] or a list of violations
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

export const DOCUMENT_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../openapi/auth.openapi.yaml');
const ID_BASE = 'https://ae-auth-elements.dev/openapi/';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType) {
  return String(contentType ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

function pointerEscape(segment) {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function get(document, pointer) {
  let node = document;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[key];
  }
  return node;
}

/**
 * Follows `$ref` of non-schema objects (responses, headers, request bodies), within a document or into a
 * sibling (`./auth.openapi.yaml#/components/responses/Problem`): `{ node, pointer, id }`, `id` naming the
 * document the node is in.
 */
function deref(documents, id, node, pointer) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    const target = new URL(node.$ref, id);
    const key = target.href;
    if (seen.has(key)) throw new Error(`circular $ref ${node.$ref}`);
    seen.add(key);
    id = target.href.split('#')[0];
    pointer = target.hash || '#';
    const document = documents.get(id);
    if (!document) throw new Error(`$ref to an unknown document ${node.$ref}`);
    node = get(document, decodeURIComponent(pointer));
  }
  return { node, pointer, id };
}

function formatErrors(errors, where) {
  return (errors ?? []).map((e) => `${where}${e.instancePath || ''} ${e.message}${paramsText(e)}`);
}

function paramsText(error) {
  if (error.keyword === 'additionalProperties') return ` (${error.params.additionalProperty})`;
  if (error.keyword === 'enum') return ` (${error.params.allowedValues.join(', ')})`;
  if (error.keyword === 'const') return ` (${JSON.stringify(error.params.allowedValue)})`;
  return '';
}

/** A header value as the type its schema asks for (headers are text on the wire). */
function headerValue(value, schema) {
  if (schema?.type === 'integer' || schema?.type === 'number') {
    return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  return value;
}

/**
 * Reads and compiles the documents: openapi/auth.openapi.yaml and its siblings `openapi/*.openapi.yaml` (one
 * per later capability: social, support, account), which may `$ref` each other. Resolves with the
 * operations they describe and the two checks.
 * @param {string} [path] the main YAML document (default: openapi/auth.openapi.yaml); its folder's other
 *   `*.openapi.yaml` files are read with it.
 */
export async function loadContract(path = DOCUMENT_PATH) {
  const folder = dirname(path);
  const files = [basename(path), ...(await readdir(folder)).filter((f) => f.endsWith('.openapi.yaml') && f !== basename(path)).sort()];
  /** id → parsed document */
  const documents = new Map();
  for (const file of files) documents.set(`${ID_BASE}${file}`, parseYaml(await readFile(resolve(folder, file), 'utf8')));
  const document = documents.get(`${ID_BASE}${basename(path)}`);
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addFormat('password', true); // an OpenAPI annotation, not a constraint
  // OpenAPI's own Schema Object keywords (annotations).
  for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
  // The document itself is added as one schema, so that `#/components/schemas/…` references resolve; its
  // top-level members are not schema keywords.
  for (const doc of documents.values()) {
    // A keyword added without a definition is kept in RULES.keywords only: check there too, or the second
    // document's `openapi`, `info`, `paths` would be added twice (and throw).
    for (const keyword of Object.keys(doc)) if (!ajv.RULES.all[keyword] && !ajv.RULES.keywords[keyword]) ajv.addKeyword(keyword);
  }
  for (const [id, doc] of documents) ajv.addSchema(doc, id);
  const schemaAt = (id, pointer) => {
    const validate = ajv.getSchema(`${id}#${pointer.replace(/^#/, '')}`);
    if (!validate) throw new Error(`no schema at ${id}${pointer}`);
    return validate;
  };

  /** operationId → { method, path, request, responses } */
  const operations = new Map();
  for (const [docId, doc] of documents) for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const base = `#/paths/${pointerEscape(path)}/${method}`;
      const request = { required: false, media: new Map() };
      if (operation.requestBody) {
        const { node: body, pointer, id } = deref(documents, docId, operation.requestBody, `${base}/requestBody`);
        request.required = body.required === true;
        for (const [type, media] of Object.entries(body.content ?? {})) {
          const schemaPointer = `${pointer}/content/${pointerEscape(type)}/schema`;
          request.media.set(type, { schema: media.schema, validate: media.schema ? schemaAt(id, schemaPointer) : undefined });
        }
      }
      const responses = new Map();
      for (const [status, raw] of Object.entries(operation.responses ?? {})) {
        const { node: response, pointer, id } = deref(documents, docId, raw, `${base}/responses/${status}`);
        const headers = new Map();
        for (const [name, rawHeader] of Object.entries(response.headers ?? {})) {
          const { node: header, pointer: headerPointer, id: headerId } = deref(documents, id, rawHeader, `${pointer}/headers/${name}`);
          headers.set(name.toLowerCase(), {
            name,
            required: header.required === true,
            schema: header.schema,
            validate: header.schema ? schemaAt(headerId, `${headerPointer}/schema`) : undefined,
          });
        }
        const media = new Map();
        for (const [type, content] of Object.entries(response.content ?? {})) {
          const schemaPointer = `${pointer}/content/${pointerEscape(type)}/schema`;
          media.set(type, { validate: content.schema ? schemaAt(id, schemaPointer) : undefined });
        }
        responses.set(status, { headers, media });
      }
      if (operations.has(operation.operationId)) throw new Error(`operationId ${operation.operationId} is defined twice`);
      operations.set(operation.operationId, { method: method.toUpperCase(), path, operation, request, responses, document: docId });
    }
  }

  /**
   * Is this request one the document allows? Never throws; `parsed` is the JSON body when there is one.
   * @param {string} operationId
   * @param {{ contentType?: string, bodyText: string }} request
   */
  function checkRequest(operationId, { contentType, bodyText }) {
    const op = operations.get(operationId);
    if (!op) return { valid: false, errors: [`unknown operation ${operationId}`] };
    const empty = bodyText.trim() === '';
    const type = mediaType(contentType);
    if (empty && !contentType) {
      return op.request.required
        ? { valid: false, errors: ['the request body is required'] }
        : { valid: true, errors: [] };
    }
    const media = op.request.media.get(type);
    if (!media) {
      const allowed = [...op.request.media.keys()].join(', ') || 'no body';
      return { valid: false, errors: [`content type ${JSON.stringify(contentType ?? '')} is not ${allowed}`] };
    }
    if (empty) {
      return op.request.required ? { valid: false, errors: ['the request body is required'] } : { valid: true, errors: [] };
    }
    let parsed;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      return { valid: false, errors: ['the request body is not JSON'] };
    }
    if (media.validate && !media.validate(parsed)) {
      return { valid: false, errors: formatErrors(media.validate.errors, 'request body'), parsed };
    }
    return { valid: true, errors: [], parsed };
  }

  /**
   * What is wrong with this response for that operation (empty when nothing).
   * @param {string} operationId
   * @param {{ status: number, headers: Record<string, string | number | string[]>, bodyText: string }} response
   */
  function checkResponse(operationId, { status, headers, bodyText }) {
    const op = operations.get(operationId);
    if (!op) return [`unknown operation ${operationId}`];
    const spec = op.responses.get(String(status)) ?? op.responses.get(`${String(status)[0]}XX`) ?? op.responses.get('default');
    if (!spec) return [`status ${status} is not documented for ${operationId} (${[...op.responses.keys()].join(', ')})`];
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const violations = [];
    for (const [name, header] of spec.headers) {
      const value = lower[name];
      if (value === undefined) {
        if (header.required) violations.push(`header ${header.name} is missing`);
        continue;
      }
      if (header.validate && !header.validate(headerValue(value, header.schema))) {
        violations.push(...formatErrors(header.validate.errors, `header ${header.name}`));
      }
      if (name === 'date' && !Number.isFinite(Date.parse(value))) violations.push(`header Date is not an HTTP-date: ${value}`);
    }
    if (spec.media.size === 0) {
      if (bodyText !== '') violations.push(`${status} has no body in the document, got ${bodyText.length} characters`);
      return violations;
    }
    const type = mediaType(lower['content-type']);
    const media = spec.media.get(type);
    if (!media) {
      violations.push(`content type ${JSON.stringify(lower['content-type'] ?? '')} is not ${[...spec.media.keys()].join(', ')}`);
      return violations;
    }
    let body;
    try {
      body = JSON.parse(bodyText);
    } catch {
      violations.push('the response body is not JSON');
      return violations;
    }
    if (media.validate && !media.validate(body)) violations.push(...formatErrors(media.validate.errors, 'response body'));
    if (type === 'application/problem+json' && body && typeof body === 'object' && body.status !== status) {
      violations.push(`problem status ${JSON.stringify(body.status)} differs from the HTTP status ${status}`);
    }
    return violations;
  }

  return { document, documents, operations, checkRequest, checkResponse };
}
