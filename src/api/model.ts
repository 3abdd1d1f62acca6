import serviceModel from '../../model/groundstation-2019-05-23.json' with { type: 'json' };
import corrections from '../../model/corrections.json' with { type: 'json' };

// Structure of the botocore service model (documentation stripped).
export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header';
  locationName?: string;
  idempotencyToken?: boolean;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp';
  members?: Record<string, MemberRef>;
  required?: string[];
  union?: boolean;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  /** Not in botocore: a prefix a string may not begin with, in any case (model/corrections.json). */
  reservedPrefix?: string;
  enum?: string[];
  timestampFormat?: 'iso8601' | 'unixTimestamp';
  exception?: boolean;
  error?: { httpStatusCode: number; senderFault?: boolean };
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode: number };
  readonly?: boolean;
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
}

export interface ServiceModel {
  metadata: { signingName: string; serviceId: string; apiVersion: string };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

export const model = serviceModel as unknown as ServiceModel;

// Where the service does more than its model says, model/corrections.json records it (and why), so
// handlers and the checks built on the model agree; the model file stays as botocore ships it.
for (const [operation, { add }] of Object.entries(corrections.operationErrors)) {
  const errors = (model.operations[operation]!.errors ??= []);
  for (const shape of add) if (!errors.some((error) => error.shape === shape)) errors.push({ shape });
}
for (const [name, { set }] of Object.entries(corrections.shapes)) {
  model.shapes[name] = { ...model.shapes[name], ...set } as Shape;
}
