using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Handouts;

namespace Prescriptions.Functions.Tests.Handouts;

/// <summary>The clinics' display names for handouts: one setting in Azure (ids hold '-'), key by key locally, neutral when unset.</summary>
public sealed class ClinicNamesSettingTests
{
    [Fact]
    public void Names_given_as_one_setting_or_key_by_key_are_what_a_handout_prints()
    {
        using var provider = Provider(new()
        {
            ["Clinics:NamesEntries"] = "clinic-a=Riverside Physio; clinic-b = Hill Street Rehab",
            ["Clinics:Names:clinic-c"] = "Harbour Physiotherapy",
        });

        var clinics = provider.GetRequiredService<IOptions<ClinicOptions>>().Value;

        Assert.Equal("Riverside Physio", clinics.NameOf("clinic-a"));
        Assert.Equal("Hill Street Rehab", clinics.NameOf("CLINIC-B"));
        Assert.Equal("Harbour Physiotherapy", clinics.NameOf("clinic-c"));
        Assert.Null(clinics.NameOf("clinic-d"));
    }

    [Fact]
    public void A_malformed_entry_fails_naming_the_setting()
    {
        using var provider = Provider(new() { ["Clinics:NamesEntries"] = "clinic-a Riverside Physio" });

        var failure = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<ClinicOptions>>().Value);
        Assert.Contains("Clinics:NamesEntries", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        settings["FollowUps:SigningKey"] = new string('k', 32);
        settings["FollowUps:PublicBaseUrl"] = "https://rx.example.org";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrescriptions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
