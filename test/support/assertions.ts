import assert from 'node:assert/strict';
import type { Boto3Outcome, JsError } from './clients.js';

export interface ExpectedError {
  code: string;
  status: number;
  parameterName?: string;
  message?: RegExp;
}

/** boto3 raised the modelled exception class with this code, status, parameterName and message. */
export function assertBoto3Error(outcome: Boto3Outcome | undefined, expected: ExpectedError & { exceptionClass?: string }): void {
  assert.ok(outcome?.error, `expected ${expected.code}, got ${JSON.stringify(outcome)}`);
  const { code, status, parameterName, exceptionClass, message } = outcome.error;
  assert.deepEqual(
    { code, status, parameterName: parameterName ?? undefined, exceptionClass },
    {
      code: expected.code,
      status: expected.status,
      parameterName: expected.parameterName,
      exceptionClass: expected.exceptionClass ?? expected.code,
    },
  );
  if (expected.message) assert.match(message, expected.message);
}

/** The JS SDK threw an error with this name, status, parameterName and message. */
export function assertJsError(error: JsError, expected: ExpectedError): void {
  const { name, status, parameterName } = error;
  assert.deepEqual(
    { name, status, parameterName },
    { name: expected.code, status: expected.status, parameterName: expected.parameterName },
  );
  if (expected.message) assert.match(error.message, expected.message);
}

/** A raw HTTP answer is the wire form of this error: status, X-Amzn-ErrorType, JSON message and parameterName. */
export function assertRawError(response: { status: number; headers: Headers; json: any; text: string }, expected: ExpectedError): void {
  assert.deepEqual(
    { status: response.status, errorType: response.headers.get('x-amzn-errortype'), parameterName: response.json?.parameterName },
    { status: expected.status, errorType: expected.code, parameterName: expected.parameterName },
    response.text,
  );
  assert.equal(typeof response.json.message, 'string');
  if (expected.message) assert.match(response.json.message, expected.message);
}

export const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
