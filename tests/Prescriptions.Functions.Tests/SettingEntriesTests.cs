using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Prescriptions.Functions.Auth;
using Prescriptions.Application.FollowUps;

namespace Prescriptions.Functions.Tests;

/// <summary>Maps keyed by ids with '-' arrive in Azure as one "key=value;..." setting (Linux app setting names refuse '-').</summary>
public sealed class SettingEntriesTests
{
    [Fact]
    public void Maps_given_as_one_setting_are_merged_into_their_dictionaries()
    {
        using var provider = Provider(new()
        {
            ["Tenancy:GroupClinicsEntries"] = "0c1a0000-0000-4000-8000-00000000c11a=clinic-a; 0c1c0000-0000-4000-8000-00000000c1ab = clinic-a,clinic-b",
            ["Tenancy:AppClinics:9a9a"] = "clinic-x",
            ["Tenancy:AppClinicsEntries"] = "9b9b0000-0000-4000-8000-0000000b9b0b=clinic-b",
            ["FollowUps:ClinicAlertEmailsEntries"] = "clinic-a=alerts@clinic-a.example;",
        });

        var tenancy = provider.GetRequiredService<IOptions<TenancyOptions>>().Value;
        Assert.Equal("clinic-a", tenancy.GroupClinics["0c1a0000-0000-4000-8000-00000000c11a"]);
        Assert.Equal("clinic-a,clinic-b", tenancy.GroupClinics["0C1C0000-0000-4000-8000-00000000C1AB"]);
        Assert.Equal(["9a9a", "9b9b0000-0000-4000-8000-0000000b9b0b"], tenancy.AppClinics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("alerts@clinic-a.example", provider.GetRequiredService<IOptions<FollowUpOptions>>().Value.ClinicAlertEmails["clinic-a"]);
    }

    [Fact]
    public void A_malformed_entry_fails_naming_the_setting()
    {
        using var provider = Provider(new() { ["Tenancy:GroupClinicsEntries"] = "0c1a0000-0000-4000-8000-00000000c11a clinic-a" });

        var failure = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<TenancyOptions>>().Value);
        Assert.Contains("Tenancy:GroupClinicsEntries", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        settings["FollowUps:SigningKey"] = new string('k', 32);
        settings["FollowUps:PublicBaseUrl"] = "https://rx.example.org";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrescriptions(configuration);
        return services.BuildServiceProvider();
    }
}
