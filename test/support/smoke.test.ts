describe('test environment', () => {
  it('has an Azurite connection string', () => {
    expect(process.env.TEST_TABLES_CONNECTION_STRING).toMatch(
      /TableEndpoint=http:\/\/127\.0\.0\.1:\d+/,
    );
  });
});
