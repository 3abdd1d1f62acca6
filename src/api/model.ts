import serviceModel from '../../model/groundstation-2019-05-23.json' with { type: 'json' };

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
