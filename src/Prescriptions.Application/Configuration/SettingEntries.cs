namespace Prescriptions.Application.Configuration;

/// <summary>
/// A map written as one setting, <c>key=value;key=value</c>. Linux app setting names allow only letters, digits, '_'
/// and '.', so a map keyed by Entra object ids or clinic ids (which hold '-') cannot be one setting per key in Azure.
/// </summary>
public static class SettingEntries
{
    /// <summary>Adds the entries of <paramref name="text"/> to <paramref name="map"/> (an entry there wins over the same key in the map).</summary>
    public static void MergeInto(IDictionary<string, string> map, string? text, string settingName)
    {
        ArgumentNullException.ThrowIfNull(map);
        foreach (var entry in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == entry.Length - 1)
            {
                throw new InvalidOperationException($"{settingName}: '{entry}' is not key=value (entries are separated by ';').");
            }

            map[entry[..equals].Trim()] = entry[(equals + 1)..].Trim();
        }
    }
}
