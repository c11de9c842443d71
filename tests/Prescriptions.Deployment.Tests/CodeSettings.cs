using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.FollowUps;
using Prescriptions.Functions;
using Prescriptions.Storage;
using Prescriptions.Storage.Library;

namespace Prescriptions.Deployment.Tests;

/// <summary>Whether a setting must be set, may be left unset (no default, optional) or has a default (a tunable).</summary>
public enum SettingKind
{
    Required,
    Optional,
    Tunable,
}

/// <summary>One setting, named as an app setting / environment variable ("__" for ":").</summary>
public sealed record Setting(string Name, SettingKind Kind, bool IsSecret);

/// <summary>A configuration dictionary: settings named <c>{Prefix}{key}</c>, or <c>{Prefix}{key}__{Property}</c> for object values.</summary>
public sealed record DictionarySetting(string Prefix, string? Property, bool IsSecret)
{
    public Regex Pattern { get; } = new(
        "^" + Regex.Escape(Prefix) + (Property is null ? ".+" : ".+?__" + Regex.Escape(Property)) + "$",
        RegexOptions.CultureInvariant);

    public override string ToString() => Property is null ? $"{Prefix}<key>" : $"{Prefix}<key>__{Property}";
}

/// <summary>
/// The settings the code reads, derived from the code where it can be: the options classes (their <c>SectionName</c>,
/// their properties, <c>[Required]</c> and defaults, their <c>*Setting</c> constants) and the <c>%Setting%</c> schedules
/// of timer triggers. Only what the code names as string literals outside options classes is listed by hand, next to
/// the constant it hangs from.
/// </summary>
public static class CodeSettings
{
    private static readonly Assembly[] Assemblies = [typeof(ServiceCollectionExtensions).Assembly, typeof(FollowUpOptions).Assembly, typeof(LibraryStorageOptions).Assembly];

    // A property whose name ends so holds a secret: Key Vault in Azure.
    private static readonly Regex SecretName = new("(Password|Secret|Key)$", RegexOptions.CultureInvariant);

    /// <summary>Classes bound to a configuration section: they declare <c>public const string SectionName</c>.</summary>
    public static IReadOnlyList<Type> OptionsTypes { get; } = Assemblies.SelectMany(assembly => assembly.GetTypes())
        .Where(type => type is { IsClass: true, IsAbstract: false } && SectionOf(type) is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every scalar property of every options class.</summary>
    public static IReadOnlyList<Setting> Options { get; } = OptionsTypes.SelectMany(ScalarSettings).Distinct().ToList();

    /// <summary>Every dictionary property of every options class.</summary>
    public static IReadOnlyList<DictionarySetting> Dictionaries { get; } = OptionsTypes.SelectMany(DictionarySettings).Distinct().ToList();

    /// <summary>Flat settings named by options classes' <c>*Setting</c> constants or by timer triggers' <c>%Setting%</c> schedules.</summary>
    public static IReadOnlyList<string> FlatSettings { get; } = OptionsTypes
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(field => field.IsLiteral && field.FieldType == typeof(string) && field.Name.EndsWith("Setting", StringComparison.Ordinal))
        .Select(field => (string)field.GetRawConstantValue()!)
        .Concat(TimerScheduleSettings())
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The default table and container names of the options classes (<c>TableName</c>, <c>ContainerName</c>).</summary>
    public static IReadOnlyList<string> DefaultTables { get; } = DefaultsOf("TableName");

    public static IReadOnlyList<string> DefaultContainers { get; } = DefaultsOf("ContainerName");

    // AddStorageClients reads these keys of its section as string literals: a connection string locally, else URIs and an identity.
    private const string Storage = StorageServiceCollectionExtensions.StorageSection;

    public static IReadOnlyList<string> StorageLocally { get; } = [$"{Storage}__connectionString"];

    public static IReadOnlyList<string> StorageInAzure { get; } =
        [$"{Storage}__blobServiceUri", $"{Storage}__tableServiceUri", $"{Storage}__credential", $"{Storage}__clientId"];

    /// <summary>Microsoft.Identity.Web's section "AzureAd" (AddMicrosoftIdentityWebApi(configuration, "AzureAd")).</summary>
    public static IReadOnlyList<string> EntraId { get; } = ["AzureAd__Instance", "AzureAd__TenantId", "AzureAd__ClientId", "AzureAd__Audience"];

    /// <summary>The Functions host and its Application Insights, in Azure: identity-based host storage, Entra ingestion.</summary>
    public static IReadOnlyList<string> HostInAzure { get; } =
    [
        "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>The Functions host locally (Core Tools): the emulator's storage and the worker runtime.</summary>
    public static IReadOnlyList<string> HostLocally { get; } = ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME"];

    public static IEnumerable<Setting> Required => Options.Where(setting => setting.Kind == SettingKind.Required);

    public static IEnumerable<Setting> Optional => Options.Where(setting => setting.Kind == SettingKind.Optional);

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? (string?)field.GetRawConstantValue() : null;

    private static IEnumerable<PropertyInfo> BoundProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanRead && property.GetIndexParameters().Length == 0);

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) && candidate.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri)
        || (Nullable.GetUnderlyingType(type) is { } underlying && IsScalar(underlying));

    private static IEnumerable<Setting> ScalarSettings(Type type)
    {
        var section = SectionOf(type)!;
        var defaults = Activator.CreateInstance(type);
        var nullability = new NullabilityInfoContext();
        foreach (var property in BoundProperties(type).Where(property => property.CanWrite && IsScalar(property.PropertyType)))
        {
            var fallback = property.GetValue(defaults);
            var nullable = nullability.Create(property).WriteState == NullabilityState.Nullable;
            var kind = property.GetCustomAttribute<RequiredAttribute>() is not null || (fallback is null && !nullable) ? SettingKind.Required
                : fallback is null ? SettingKind.Optional
                : SettingKind.Tunable;
            yield return new Setting($"{section}__{property.Name}", kind, SecretName.IsMatch(property.Name));
        }
    }

    private static IEnumerable<DictionarySetting> DictionarySettings(Type type)
    {
        var section = SectionOf(type)!;
        foreach (var property in BoundProperties(type))
        {
            if (DictionaryValueType(property.PropertyType) is not { } valueType || property.PropertyType == typeof(string))
            {
                continue;
            }

            var prefix = $"{section}__{property.Name}__";
            if (IsScalar(valueType))
            {
                yield return new DictionarySetting(prefix, null, SecretName.IsMatch(property.Name));
                continue;
            }

            foreach (var inner in BoundProperties(valueType).Where(inner => inner.CanWrite && IsScalar(inner.PropertyType)))
            {
                yield return new DictionarySetting(prefix, inner.Name, SecretName.IsMatch(inner.Name));
            }
        }
    }

    private static IEnumerable<string> TimerScheduleSettings() =>
        typeof(ServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<TimerTriggerAttribute>()?.Schedule)
            .Select(schedule => schedule is null ? null : Regex.Match(schedule, "^%(?<name>[^%]+)%$", RegexOptions.CultureInvariant))
            .Where(match => match is { Success: true })
            .Select(match => match!.Groups["name"].Value);

    private static List<string> DefaultsOf(string propertyName) =>
        OptionsTypes
            .Select(type => (Type: type, Property: type.GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance)))
            .Where(pair => pair.Property?.PropertyType == typeof(string))
            .Select(pair => (string?)pair.Property!.GetValue(Activator.CreateInstance(pair.Type)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether a setting name is one the code reads (any option property, dictionary entry, flat or host setting).</summary>
    public static bool IsKnown(string name) =>
        Options.Any(setting => setting.Name == name)
        || Dictionaries.Any(dictionary => dictionary.Pattern.IsMatch(name))
        || FlatSettings.Contains(name)
        || StorageInAzure.Contains(name) || StorageLocally.Contains(name)
        || EntraId.Contains(name) || HostInAzure.Contains(name) || HostLocally.Contains(name);
}
