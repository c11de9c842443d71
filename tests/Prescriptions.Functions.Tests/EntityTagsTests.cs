using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Tests;

public sealed class EntityTagsTests
{
    private const string TableVersion = "W/\"datetime'2026-11-29T09%3A00%3A00.1234567Z'\"";

    [Fact]
    public void A_storage_version_is_shown_as_a_strong_tag() =>
        Assert.Equal("\"datetime'2026-11-29T09%3A00%3A00.1234567Z'\"", EntityTags.Strong(TableVersion));

    [Theory]
    [InlineData("\"datetime'2026-11-29T09%3A00%3A00.1234567Z'\"", true)]
    [InlineData("*", true)]
    [InlineData(" * ", true)]
    [InlineData("\"a\", \"datetime'2026-11-29T09%3A00%3A00.1234567Z'\"", true)]
    [InlineData("W/\"datetime'2026-11-29T09%3A00%3A00.1234567Z'\"", false)]
    [InlineData("datetime'2026-11-29T09%3A00%3A00.1234567Z'", false)]
    [InlineData("\"a\", W/\"datetime'2026-11-29T09%3A00%3A00.1234567Z'\"", false)]
    [InlineData("\"unterminated", false)]
    [InlineData("\"\"", false)]
    public void If_match_uses_the_strong_comparison(string ifMatch, bool accepted) =>
        Assert.Equal(accepted, EntityTags.IfMatchAccepts(ifMatch, TableVersion));
}
