using Bunit;
using Prescriptions.Portal.Clinics;
using Prescriptions.Portal.Pages;

namespace Prescriptions.Portal.Tests;

/// <summary>A therapist of several clinics chooses one: the worklist reads again for it, and the choice is remembered for the session.</summary>
public sealed class ClinicSwitcherTests : PortalTestContext
{
    [Fact]
    public void Choosing_another_clinic_reloads_the_worklist_for_it_and_remembers_the_choice()
    {
        Api.Me = Api.Me with { ClinicIds = ["clinic-a", "clinic-b"] };
        Api.All.Add(FakePrescriptionsApi.Line("rx-a", "Ada"));
        var switcher = Render<ClinicSwitcher>();
        var worklist = Render<WorklistPage>();
        Assert.Equal(["clinic-a", "clinic-a"], Api.WorklistReads);

        Api.All.Clear();
        Api.All.Add(FakePrescriptionsApi.Line("rx-b", "Bo"));
        switcher.Find("#clinic-switcher").Change("clinic-b");

        Assert.Equal(["clinic-a", "clinic-a", "clinic-b", "clinic-b"], Api.WorklistReads);
        worklist.WaitForAssertion(() => Assert.Equal(["Bo"], worklist.FindAll("tbody th[scope=row]").Select(cell => cell.TextContent)));
        Assert.Contains("clinic-b", worklist.Find("caption").TextContent, StringComparison.Ordinal);
        Assert.Equal(["prescriptions.clinicId", "clinic-b"], JSInterop.VerifyInvoke("sessionStorage.setItem").Arguments);
    }

    [Fact]
    public void The_session_s_remembered_clinic_is_the_one_read_first()
    {
        Api.Me = Api.Me with { ClinicIds = ["clinic-a", "clinic-b"] };
        JSInterop.Setup<string?>("sessionStorage.getItem", "prescriptions.clinicId").SetResult("clinic-b");

        var switcher = Render<ClinicSwitcher>();
        Render<WorklistPage>();

        Assert.Equal(["clinic-b", "clinic-b"], Api.WorklistReads);
        Assert.Equal("clinic-b", switcher.Find("#clinic-switcher").GetAttribute("value"));
    }

    [Fact]
    public void A_therapist_of_one_clinic_is_shown_it_without_a_choice()
    {
        var switcher = Render<ClinicSwitcher>();

        Assert.Empty(switcher.FindAll("select"));
        Assert.Contains("Clinic: clinic-a", switcher.Markup, StringComparison.Ordinal);
    }
}
