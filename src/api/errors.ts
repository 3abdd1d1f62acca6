import { model } from './model.js';

// One class per modelled error; each carries the status the model gives it.
export abstract class ServiceError extends Error {
  abstract readonly status: number;
  constructor(message: string, readonly parameterName?: string) {
    super(message);
  }
  get code(): string {
    return this.constructor.name;
  }
}

export class InvalidParameterException extends ServiceError {
  readonly status = 431;
}
export class ResourceNotFoundException extends ServiceError {
  readonly status = 434;
  constructor(message: string) {
    super(message);
  }
}
export class ResourceLimitExceededException extends ServiceError {
  readonly status = 429;
}
export class ResourceInUseException extends ServiceError {
  readonly status = 409;
  constructor(message: string) {
    super(message);
  }
}
export class ServiceQuotaExceededException extends ServiceError {
  readonly status = 402;
}
export class DependencyException extends ServiceError {
  readonly status = 531;
}

// Errors outside the model: the SDKs surface them as generic errors carrying this code.
export class ProtocolError extends ServiceError {
  constructor(readonly status: number, private readonly errorCode: string, message: string) {
    super(message);
  }
  override get code(): string {
    return this.errorCode;
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
    const shape = model.shapes[ErrorClass.name];
    const instance = new ErrorClass('check');
    if (!shape?.exception || shape.error?.httpStatusCode !== instance.status) {
      throw new Error(`${ErrorClass.name} does not match the service model`);
    }
  }
}
