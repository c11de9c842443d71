using Microsoft.AspNetCore.Http;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Tests;

public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("/api/checkin/abc", "/api/checkin/{redacted}")]
    [InlineData("/api/checkin/Y2xpbmljLWF8cngtMXwxNzAwMDAwMDAw.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU/optout", "/api/checkin/{redacted}/optout")]
    [InlineData("/api/prescriptions/rx-1/history", "/api/prescriptions/rx-1/history")]
    [InlineData("/api/other/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig", "/api/other/{redacted}")]
    public void Paths_keep_their_shape_and_lose_their_tokens(string path, string logged) =>
        Assert.Equal(logged, LogRedaction.Path(new PathString(path)));
}
