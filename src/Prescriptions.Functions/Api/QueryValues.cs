using System.Globalization;
using System.Text.Json;
using Prescriptions.Domain.Serialization;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Parses query-string values with the same names and enum spellings as the JSON API; a bad value is a 400 naming the parameter.</summary>
public static class QueryValues
{
    public static TEnum? Enum<TEnum>(ApiRequest request, string name)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TEnum>(JsonSerializer.Serialize(text), DomainJson.Options);
        }
        catch (JsonException)
        {
            var allowed = System.Enum.GetValues<TEnum>().Select(value => JsonSerializer.Serialize(value, DomainJson.Options).Trim('"'));
            throw new ApiProblemException(Problems.Validation(name, $"must be one of {string.Join(", ", allowed)}"));
        }
    }

    public static int? WholeNumber(ApiRequest request, string name, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ApiProblemException(Problems.Validation(name, $"must be a whole number {min}-{max}"));
    }
}
