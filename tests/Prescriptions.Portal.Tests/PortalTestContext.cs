using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;
using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Tests;

/// <summary>A signed-in therapist, Fluent UI's services and the fake API: what every portal page needs to render.</summary>
public abstract class PortalTestContext : BunitContext
{
    private protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddFluentUIComponents();
        Services.AddSingleton<PrescriptionsApi>(Api);
        Services.AddScoped<Prescriptions.Portal.Clinics.ClinicChoice>();
        AddAuthorization().SetAuthorized("therapist-1");
    }

    private protected FakePrescriptionsApi Api { get; } = new();
}
