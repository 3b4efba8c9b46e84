using MolDash.EchoService.Echo;
using MolDash.EchoService.Endpoints;
using MolDash.TaskServices.Registration;

// Port from --urls or ASPNETCORE_URLS; the instance name (shown in every output) from --instance-name
// or ECHO_INSTANCE_NAME, else the machine name. With PlatformRegistration__Url (and the task's org, name,
// version and service key) it registers itself with the platform and keeps its lease.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new EchoInstance(
    builder.Configuration["instance-name"] ?? builder.Configuration["ECHO_INSTANCE_NAME"] ?? Environment.MachineName));
builder.Services.AddSingleton<EchoRuns>();
builder.Services.AddPlatformRegistration();

var app = builder.Build();
app.MapServiceEndpoints();
app.MapEchoEndpoints();
app.MapRunEndpoints();
await app.RunAsync();
