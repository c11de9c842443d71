using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Prescriptions.Application.Language;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The patient texts read from the shipped resources, as the hosts' <c>AddLocalization()</c> reads them.</summary>
internal static class Wording
{
    public static PatientWording Shipped { get; } = new(new StringLocalizer<PatientTexts>(
        new ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
}
