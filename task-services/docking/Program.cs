using MolDash.Docking.Hosting;

await DockingApplication.Create(args).RunAsync();
