"""One 3D conformer from a SMILES with RDKit's ETKDG (v3) and a fixed seed, written as a molfile.

Why RDKit and not `obabel --gen3d`: on the shipped complexes an ETKDG start redocks imatinib to
0.56 Å where Open Babel's start gave 12.5 Å (see shared/data/README.md).
Usage: etkdg_conformer.py SMILES_FILE OUT_SDF SEED. Exit 3: unreadable SMILES, 4: no conformer.
"""
import sys

from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem

RDLogger.DisableLog("rdApp.*")
smiles_path, out_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(smiles_path, encoding="utf-8") as handle:
    smiles = handle.read().split()[0]
mol = Chem.MolFromSmiles(smiles)
if mol is None:
    sys.exit(3)
mol = Chem.AddHs(mol)
params = AllChem.ETKDGv3()
params.randomSeed = seed
if AllChem.EmbedMolecule(mol, params) != 0:
    params.useRandomCoords = True
    if AllChem.EmbedMolecule(mol, params) != 0:
        sys.exit(4)
if AllChem.MMFFHasAllMoleculeParams(mol):
    AllChem.MMFFOptimizeMolecule(mol, maxIters=500)
else:
    AllChem.UFFOptimizeMolecule(mol, maxIters=500)
Chem.MolToMolFile(mol, out_path)
print(Chem.rdBase.rdkitVersion)
