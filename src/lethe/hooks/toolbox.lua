-- Lethe's Lua toolbox: loaded before the scripts, as Orthanc loads its Toolbox.lua.
-- The "job" functions below only record operations in the table _job; after the callback,
-- Lethe runs them in order (lethe/hooks/lua.py). An operation whose Resource is '' works on
-- what the previous operation produced, which is how the calls chain:
--   Delete(SendToModality(ModifyInstance(id, replace, remove, true), 'sample'))

-- Lua 5.1's table.getn, which some scripts still use (Lua 5.3 has the # operator instead).
if table.getn == nil then
   table.getn = function(t) return #t end
end

-- Print a value, and the content of tables, recursively: "[key] value" lines, at most
-- limit (default 100) items.
function PrintRecursive(value, limit, indent)
   limit = limit or 100
   indent = indent or ""
   if limit < 1 then
      print "ERROR: Item limit reached."
      return limit - 1
   end
   if type(value) ~= "table" then
      print(indent, type(value), value)
      return limit - 1
   end
   print(indent, "table")
   for key, item in pairs(value) do
      limit = PrintRecursive(item, limit, indent .. "\t[" .. tostring(key) .. "]")
      if limit < 0 then
         break
      end
   end
   return limit
end

function _InitializeJob()
   _job = {}
end

function _AccessJob()
   return _job
end

local function _Record(operation)
   if _job == nil then
      _job = {}
   end
   table.insert(_job, operation)
end

function SendToModality(resourceId, modality, localAet)
   if resourceId == nil then
      error('Cannot send a nonexistent resource')
   end
   _Record({ Operation = 'store-scu', Resource = resourceId, Modality = modality,
             LocalAet = localAet })
   return resourceId
end

function SendToPeer(resourceId, peer)
   if resourceId == nil then
      error('Cannot send a nonexistent resource')
   end
   _Record({ Operation = 'store-peer', Resource = resourceId, Peer = peer })
   return resourceId
end

function Delete(resourceId)
   if resourceId == nil then
      error('Cannot delete a nonexistent resource')
   end
   _Record({ Operation = 'delete', Resource = resourceId })
   return nil  -- nothing chains after a deletion
end

function ModifyResource(resourceId, replacements, removals, removePrivateTags)
   if resourceId == nil then
      error('Cannot modify a nonexistent resource')
   end
   if resourceId == '' then
      error('Cannot modify twice an resource')
   end
   _Record({ Operation = 'modify', Resource = resourceId, Replace = replacements,
             Remove = removals, RemovePrivateTags = removePrivateTags })
   return ''  -- the next operation works on the modified instance
end

function ModifyInstance(resourceId, replacements, removals, removePrivateTags)
   return ModifyResource(resourceId, replacements, removals, removePrivateTags)
end

function CallSystem(resourceId, command, args)
   if resourceId == nil then
      error('Cannot execute a system call on a nonexistent resource')
   end
   if command == nil then
      error('No command was specified for system call')
   end
   _Record({ Operation = 'call-system', Resource = resourceId, Command = command,
             Arguments = args })
   return resourceId
end

print('Lua toolbox installed')
