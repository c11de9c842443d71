using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Clinics;

/// <summary>
/// Which of the signed-in therapist's clinics the portal acts for: their clinics from GET /api/me, the choice remembered
/// in the browser's sessionStorage (the tab's session), and sent by <see cref="PrescriptionsApi"/> as clinicId.
/// </summary>
public sealed class ClinicChoice : IDisposable
{
    private const string StorageKey = "prescriptions.clinicId";
    private readonly PrescriptionsApi api;
    private readonly IJSRuntime js;
    private readonly AuthenticationStateProvider authentication;
    private Task? loading;

    public ClinicChoice(PrescriptionsApi api, IJSRuntime js, AuthenticationStateProvider authentication)
    {
        this.api = api;
        this.js = js;
        this.authentication = authentication;
        authentication.AuthenticationStateChanged += Forget;
    }

    /// <summary>Raised after the therapist chose another clinic: clinic-wide screens read again.</summary>
    public event Func<Task>? Changed;

    public IReadOnlyList<string> Clinics { get; private set; } = [];

    public string? Current => api.ClinicId;

    /// <summary>Reads the caller's clinics once per sign-in and restores the session's choice (else the first clinic).</summary>
    public Task EnsureLoadedAsync() => loading ??= LoadAsync();

    public async Task ChooseAsync(string clinicId)
    {
        if (!Clinics.Contains(clinicId, StringComparer.Ordinal) || clinicId == Current)
        {
            return;
        }

        api.ClinicId = clinicId;
        await js.InvokeVoidAsync("sessionStorage.setItem", StorageKey, clinicId);
        if (Changed is { } changed)
        {
            foreach (var handler in changed.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= Forget;

    private async Task LoadAsync()
    {
        try
        {
            Clinics = (await api.MeAsync()).ClinicIds;
        }
        catch
        {
            // Read again next time rather than keep a failure; the screen that awaited shows what went wrong.
            loading = null;
            throw;
        }

        var remembered = await js.InvokeAsync<string?>("sessionStorage.getItem", StorageKey);
        api.ClinicId = remembered is not null && Clinics.Contains(remembered, StringComparer.Ordinal) ? remembered : Clinics.Count > 0 ? Clinics[0] : null;
    }

    /// <summary>Another sign-in may act for other clinics.</summary>
    private void Forget(Task<AuthenticationState> state)
    {
        loading = null;
        Clinics = [];
        api.ClinicId = null;
    }
}
