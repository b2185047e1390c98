/** An error with the HTTP status and the human reason the plugin answers with as `{ error }`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new HttpError(404, message);
export const badRequest = (message: string) => new HttpError(400, message);
export const notAcceptable = (message: string) => new HttpError(406, message);
