import { model } from './model.js';

// One class per modelled error; each carries the code (the model's shape name, sent as
// X-Amzn-ErrorType) and the status the model gives it.
export abstract class ServiceError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  constructor(message: string, readonly parameterName?: string) {
    super(message);
  }
}

export class InvalidParameterException extends ServiceError {
  readonly code = 'InvalidParameterException';
  readonly status = 431;
}
export class ResourceNotFoundException extends ServiceError {
  readonly code = 'ResourceNotFoundException';
  readonly status = 434;
  constructor(message: string) {
    super(message);
  }
}
export class ResourceLimitExceededException extends ServiceError {
  readonly code = 'ResourceLimitExceededException';
  readonly status = 429;
}
export class ResourceInUseException extends ServiceError {
  readonly code = 'ResourceInUseException';
  readonly status = 409;
  constructor(message: string) {
    super(message);
  }
}
export class ServiceQuotaExceededException extends ServiceError {
  readonly code = 'ServiceQuotaExceededException';
  readonly status = 402;
}
export class DependencyException extends ServiceError {
  readonly code = 'DependencyException';
  readonly status = 531;
}

// Errors outside the model: the SDKs surface them as generic errors carrying this code.
export class ProtocolError extends ServiceError {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export const notImplemented = (operation: string) =>
  new ProtocolError(501, 'NotImplementedException', `${operation} is not implemented by Ground Station Local yet`);

const modelledErrors = [
  InvalidParameterException,
  ResourceNotFoundException,
  ResourceLimitExceededException,
  ResourceInUseException,
  ServiceQuotaExceededException,
  DependencyException,
];

// Refuse to start if an error class drifts from the model's status codes.
export function checkErrorsAgainstModel(): void {
  for (const ErrorClass of modelledErrors) {
    const instance = new ErrorClass('check');
    const shape = model.shapes[instance.code];
    if (!shape?.exception || shape.error?.httpStatusCode !== instance.status) {
      throw new Error(`${instance.code} does not match the service model`);
    }
  }
}
