// The placeholder for an effect that the composition root provides with .provide().

export const notProvided = (name: string) => (): never => {
  throw new Error(`The actor ${name} was not provided`);
};
