using System.ComponentModel;

namespace Prescriptions.LocalHost.Http;

/// <summary>Converts route values to parameter types with the invariant culture (route values are culture-free URL text).</summary>
internal sealed class RouteValueConverter
{
    private readonly Type type;
    private readonly TypeConverter converter;

    private RouteValueConverter(Type type, TypeConverter converter)
    {
        this.type = type;
        this.converter = converter;
    }

    public static RouteValueConverter? For(Type type)
    {
        var converter = TypeDescriptor.GetConverter(type);
        return type == typeof(string) || converter.CanConvertFrom(typeof(string)) ? new RouteValueConverter(type, converter) : null;
    }

    /// <summary>Converts <paramref name="text"/>; <see langword="false"/> when it is not a valid value of the type.</summary>
    public bool TryConvert(string text, out object? value)
    {
        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        try
        {
            value = converter.ConvertFromInvariantString(text);
            return value is not null || Nullable.GetUnderlyingType(type) is not null || !type.IsValueType;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException
            || e.InnerException is FormatException or OverflowException)
        {
            value = null;
            return false;
        }
    }
}
