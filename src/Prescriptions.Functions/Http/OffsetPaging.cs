using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Prescriptions.Functions.Http;

/// <summary>
/// Paging over an in-memory, stably ordered list (the library): <c>pageSize</c> 1-200 (default 50) and
/// an opaque continuation token that carries the offset.
/// </summary>
public static class OffsetPaging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const string Prefix = "o:";

    public static Page<T> Paginate<T>(IEnumerable<T> source, ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = ParsePageSize(request.Query("pageSize"));
        var offset = ParseToken(request.Query("continuationToken"));
        var items = source.Skip(offset).Take(pageSize + 1).ToList();
        var hasMore = items.Count > pageSize;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new Page<T>(items, hasMore ? CreateToken(offset + pageSize) : null);
    }

    public static int ParsePageSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DefaultPageSize;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw new ApiProblemException(Problems.Validation("pageSize", $"must be a whole number 1-{MaxPageSize}"));
    }

    private static int ParseToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the validation problem below.
        }

        throw new ApiProblemException(Problems.Validation("continuationToken", "is not a token this API issued"));
    }

    private static string CreateToken(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{offset}")));
}
