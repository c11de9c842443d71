using System.Security.Cryptography;
using System.Text;
using Prescriptions.Functions.Webhooks;

namespace Prescriptions.Functions.Tests;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Signs_the_standard_webhooks_reference_vector()
    {
        // The test vector of the Standard Webhooks reference libraries.
        var key = WebhookSecret.Decode("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var signature = WebhookSigner.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Signature_is_hmac_sha256_over_id_timestamp_and_body()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        const string body = """{"type":"prescription.created","data":{"id":"evt_1"}}""";
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"evt_1.1700000000.{body}")));

        Assert.Equal(expected, WebhookSigner.Sign(key, "evt_1", 1700000000, body));
    }

    [Fact]
    public void Verify_accepts_any_listed_signature_and_rejects_a_changed_body()
    {
        var key = WebhookSecret.Decode("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var signature = WebhookSigner.Sign(key, "evt_1", 1700000000, "{}");

        Assert.True(WebhookSigner.Verify(key, "evt_1", 1700000000, "{}", $"v1,bm90IGl0 {signature}"));
        Assert.False(WebhookSigner.Verify(key, "evt_1", 1700000000, "{ }", signature));
        Assert.False(WebhookSigner.Verify(key, "evt_1", 1700000001, "{}", signature));
    }

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("whsec_not base64!", "base64")]
    [InlineData("whsec_c2hvcnQ=", "5 bytes")]
    public void Unusable_secrets_are_reported(string? secret, string problem)
    {
        Assert.Null(WebhookSecret.TryDecode(secret, out var reason));
        Assert.Contains(problem, reason, StringComparison.Ordinal);
    }
}
