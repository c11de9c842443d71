namespace Prescriptions.LocalHost.DevTokens;

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn);
